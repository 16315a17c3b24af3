import type { Activacion } from './cuentas.service';
import { ActivacionDto } from './dto/activacion.dto';
import { UsuarioDto } from './dto/sesion-response.dto';
import { UsuarioEntidad } from './usuarios.repository';

/** Whitelist: hashes and activation state never leave the server. */
export function aUsuarioDto(u: UsuarioEntidad): UsuarioDto {
  return { id: u.id, email: u.email, rol: u.rol, residenteId: u.residenteId };
}

export function aActivacionDto(a: Activacion): ActivacionDto {
  return { token: a.token, expiraEn: a.expiraEn.toISOString() };
}
