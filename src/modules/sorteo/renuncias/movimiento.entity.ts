import type { Unidad } from 'src/shared/dominio/vocabulario';
import type { Movimiento } from '../core/movimientos';

/** A movimiento as stored: the replayed fields plus who, when, and the unit it concerns. */
export interface MovimientoGuardado extends Movimiento {
  /** The participant's unit; null for a vacante. */
  readonly unidad: Unidad | null;
  readonly fecha: Date;
  readonly por: string;
  readonly turno: number;
}
