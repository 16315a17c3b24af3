/**
 * Published after the administration approved or rejected solicitudes (a PATCH or the bulk
 * approval); notificaciones writes one e-mail per solicitud into its outbox before the answer.
 */
export const SOLICITUDES_DECIDIDAS = 'solicitudes.decididas';

export interface SolicitudesDecididasEvento {
  /** What the e-mail names, from the entities the decision already holds: no second read. */
  solicitudes: Array<{ id: string; residenteId: string; placa: string; motivo: string | null }>;
  estado: 'aprobada' | 'rechazada';
}

/**
 * Published when a waiting solicitud got a spot after a renuncia (`promocion`), also by a re-run
 * that finds it already written, so a crash between the write and the e-mail loses neither.
 */
export const SOLICITUD_PROMOVIDA = 'solicitudes.promovida';

export interface SolicitudPromovidaEvento {
  solicitudId: string;
  /** Carried so the e-mail needs no second read of the solicitud (a full scan on SQLite). */
  residenteId: string;
  placa: string;
  version: number;
  parqueadero: string;
}
