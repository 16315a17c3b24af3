import { RolPersonal } from 'src/core/auth/roles';
import { UsuarioEntidad } from '../usuarios.repository';
import { UsuarioPersonalDto } from './dto/usuario-personal.dto';

/** Whitelist: hashes and activation state never leave the server. */
export function aUsuarioPersonalDto(u: UsuarioEntidad): UsuarioPersonalDto {
  return {
    id: u.id,
    email: u.email,
    rol: u.rol as RolPersonal,
    residenteId: null,
    nombre: u.nombre,
    estado: u.estado,
    createdAt: u.createdAt.toISOString(),
  };
}
