import type { DesenlaceSorteo, SolicitudParaSorteo } from './solicitud.entity';

/**
 * What the draw needs of the solicitudes module (implemented by SolicitudesDelSorteoService).
 * Declared here, beside its implementation, so the dependency runs one way (the draw imports
 * solicitudes, never the reverse); the draw's services are unit-tested with a fake of it.
 */
export interface SolicitudesDelSorteo {
  aprobadasParaSorteo(porBloque?: number): AsyncGenerator<SolicitudParaSorteo[]>;
  reservarParaSorteo(
    sorteoId: string,
    solicitudes: Array<{ id: string; version: number }>,
    convocatoriaId?: string,
  ): Promise<Set<string>>;
  /** The ids of one resident's solicitudes, any estado (a convocatoria's own-lines lookup). */
  idsDeResidente(residenteId: string): Promise<string[]>;
  aplicarSorteo(sorteoId: string, usuarioId: string, desenlaces: DesenlaceSorteo[]): Promise<void>;
  liberarReservasDeSorteo(sorteoId: string): Promise<void>;
  revertirSorteo(sorteoId: string, usuarioId: string, motivo: string): Promise<void>;
}

export const SOLICITUDES_DEL_SORTEO = Symbol('SolicitudesDelSorteo');
