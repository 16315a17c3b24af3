import { Alcance, ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import type { UsuarioActual } from './roles';

/**
 * Staff (admin and revisor) see everything; a resident sees only their own (an account without
 * resident: nothing).
 * Exhaustive on purpose: a new role does not compile until someone decides what it may read.
 */
export function alcanceDe(actor: UsuarioActual): Alcance {
  switch (actor.rol) {
    case 'admin':
    case 'revisor':
      return ALCANCE_TOTAL;
    case 'residente':
      return { tipo: 'residente', residenteId: actor.residenteId ?? '' };
    default: {
      const rol: never = actor.rol;
      throw new Error(`Rol sin alcance definido: ${String(rol)}`);
    }
  }
}
