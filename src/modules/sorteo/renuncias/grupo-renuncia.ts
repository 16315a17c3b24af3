import type { DatosRenuncia } from 'src/core/turnos/turno.entity';
import type { CambioPorRenuncia } from 'src/modules/solicitudes/renuncias-de-solicitudes.service';
import type { MovimientoGuardado } from './movimiento.entity';

/**
 * Everything one renuncia decided, stored whole in its turn's `confirmar` decision: from there on
 * whoever finishes it (the request, or a recovery after a crash) writes exactly this.
 */
export interface GrupoRenuncia {
  sorteoId: string;
  /** Tags the group's reservation claims, so an aborted group can release them. */
  etiqueta: string;
  movimientos: MovimientoGuardado[];
  /** The renouncer's solicitud, then the promoted one's (if any). */
  cambios: CambioPorRenuncia[];
}

export const etiquetaDeRenuncia = (turno: number): string => `renuncia:${turno}`;

export function comoDatos(g: GrupoRenuncia): DatosRenuncia {
  return { ...g };
}

/** The stored payload back as a group (the decision document keeps the types: dates stay dates). */
export function deDatos(d: DatosRenuncia): GrupoRenuncia {
  return d as unknown as GrupoRenuncia;
}
