import { EstadoSolicitud } from './solicitud.entity';

/**
 * Who asks for a change: an administrator, the owning resident, the system (a resident given de
 * baja), a draw, or the annulment of a draw.
 */
export type Origen =
  | 'admin'
  | 'residente'
  | 'sistema'
  | 'sorteo'
  | 'anulacion'
  // After a draw: a holder gives the spot up; the first eligible waiting participant gets it.
  | 'renuncia'
  | 'promocion';

/**
 * The whole state machine of API.md, in one table: from → to → who may. Single changes
 * (SolicitudesService) and bulk ones (SolicitudesDelSorteoService) both consult it.
 */
const TRANSICIONES: Readonly<
  Record<EstadoSolicitud, Partial<Record<EstadoSolicitud, readonly Origen[]>>>
> = {
  pendiente: {
    aprobada: ['admin'],
    rechazada: ['admin'],
    cancelada: ['admin', 'residente', 'sistema'],
  },
  aprobada: {
    rechazada: ['admin'],
    cancelada: ['admin', 'residente', 'sistema'],
    asignada: ['sorteo'],
    no_asignada: ['sorteo'],
  },
  rechazada: {},
  cancelada: {},
  // An annulment reopens the draw's solicitudes, or cancels one whose unit or placa took a new one.
  asignada: { aprobada: ['anulacion'], cancelada: ['anulacion', 'renuncia'] },
  // The owner or the admin may also take a waiting solicitud off the waiting list.
  no_asignada: {
    aprobada: ['anulacion'],
    cancelada: ['anulacion', 'admin', 'residente'],
    asignada: ['promocion'],
  },
};

export function transicionPermitida(
  desde: EstadoSolicitud,
  hacia: EstadoSolicitud,
  origen: Origen,
): boolean {
  return TRANSICIONES[desde][hacia]?.includes(origen) ?? false;
}

/** Closed states free the unit and the placa for a new request. */
export function esAbierto(estado: EstadoSolicitud): boolean {
  return estado === 'pendiente' || estado === 'aprobada';
}
