import type {
  DesenlaceSorteo,
  SolicitudParaSorteo,
} from 'src/modules/solicitudes/solicitud.entity';

/**
 * What the draw needs of the solicitudes module (implemented by SolicitudesService). Named here so
 * the draw's services can be unit-tested with a fake and the dependency stays one-way.
 */
export interface SolicitudesDelSorteo {
  aprobadasParaSorteo(lote?: number): AsyncGenerator<SolicitudParaSorteo[]>;
  reservarParaSorteo(
    sorteoId: string,
    solicitudes: Array<{ id: string; version: number }>,
  ): Promise<Set<string>>;
  aplicarSorteo(sorteoId: string, usuarioId: string, desenlaces: DesenlaceSorteo[]): Promise<void>;
  liberarReservasDeSorteo(sorteoId: string): Promise<void>;
  revertirSorteo(sorteoId: string, usuarioId: string, motivo: string): Promise<void>;
}

export const SOLICITUDES_DEL_SORTEO = Symbol('SolicitudesDelSorteo');
