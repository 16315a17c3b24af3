/**
 * Published after the administration approved or rejected solicitudes (a PATCH or the bulk
 * approval); notificaciones writes one e-mail per solicitud into its outbox before the answer.
 */
export const SOLICITUDES_DECIDIDAS = 'solicitudes.decididas';

export interface SolicitudesDecididasEvento {
  ids: string[];
  estado: 'aprobada' | 'rechazada';
}
