/**
 * Emitted once a convocatoria's draw is applied (by its request or by a recovery). Its participants
 * were frozen at the close, so a resident given de baja since then may have won a spot: the bajas
 * sweep (renuncias/bajas.service.ts) renounces it, as a baja after the draw would.
 */
export const SORTEO_ANUNCIADO_COMPLETADO = 'sorteo.anunciado-completado';
/**
 * Emitted (with the draw's id) each time a draw's completion runs, by its request or a recovery:
 * notificaciones enqueues one result e-mail per participant, idempotently by key.
 */
export const SORTEO_COMPLETADO = 'sorteo.completado';
/**
 * Emitted (with the convocatoria's id) when a close is published, by its request or a recovery:
 * notificaciones tells each participant their frozen line and the insumosHash, idempotently by key.
 */
export const CONVOCATORIA_CERRADA = 'sorteo.convocatoria-cerrada';
