import { ActivacionDto } from './dto/activacion.dto';
import { UsuarioDto } from './dto/sesion-response.dto';
import { UsuarioEntidad } from './usuarios.repository';

/** Whitelist: hashes and activation state never leave the server. */
export function aUsuarioDto(u: UsuarioEntidad): UsuarioDto {
  return { id: u.id, email: u.email, rol: u.rol, residenteId: u.residenteId };
}

/** Takes a CuentasService `Activacion` (by shape: that service's file depends on this one). */
export function aActivacionDto(a: { token: string; expiraEn: Date }): ActivacionDto {
  return { token: a.token, expiraEn: a.expiraEn.toISOString() };
}
