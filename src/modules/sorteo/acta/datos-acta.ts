import type { MovimientoGuardado } from '../renuncias/movimiento.entity';
import type { CabeceraSorteo } from '../resultado.entity';
import type { FilasActa } from './filas-acta';

/** Spots of the draw by kind: counts only (which spot is reserved is not the acta's business). */
export interface ConteoParqueaderos {
  carro: number;
  reservados: number;
  moto: number;
}

/** Everything the acta prints: with the same values, the same bytes. */
export interface DatosActa {
  cabecera: CabeceraSorteo;
  movimientos: readonly MovimientoGuardado[];
  conjunto: string;
  /** `URL_PUBLICA` + the `verificar` route of this result. */
  urlVerificacion: string;
  parqueaderos: ConteoParqueaderos;
  filas: FilasActa;
}
