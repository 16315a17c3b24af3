import { Alcance, ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import type { UsuarioActual } from './roles';

/** Staff see everything; a resident sees only their own (an account without resident: nothing). */
export function alcanceDe(actor: UsuarioActual): Alcance {
  return actor.rol === 'residente'
    ? { tipo: 'residente', residenteId: actor.residenteId ?? '' }
    : ALCANCE_TOTAL;
}
