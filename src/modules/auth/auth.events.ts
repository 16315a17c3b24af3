/** Published by auth when a resident's account becomes active; residentes mirrors it in `cuenta`. */
export const CUENTA_ACTIVADA = 'cuenta.activada';

export interface CuentaActivadaEvento {
  residenteId: string;
}

/** Published after a password change won (credentials `version`); notificaciones tells the owner. */
export const CONTRASENA_CAMBIADA = 'auth.contrasena-cambiada';

export interface ContrasenaCambiadaEvento {
  usuarioId: string;
  version: number;
}

/**
 * Published when an activation token is issued. It carries the token itself, in memory only: the
 * notificaciones outbox stores it in the e-mail it writes before the request answers.
 */
export const ACTIVACION_EMITIDA = 'auth.activacion-emitida';

export interface ActivacionEmitidaEvento {
  usuarioId: string;
  token: string;
  expiraEn: Date;
}

/**
 * Many activation tokens at once (accounts created by a CSV import): the same as
 * ACTIVACION_EMITIDA, one event for the lot so the outbox takes them in one insert.
 */
export const ACTIVACIONES_EMITIDAS = 'auth.activaciones-emitidas';

export interface ActivacionesEmitidasEvento {
  activaciones: Array<ActivacionEmitidaEvento & { residenteId: string }>;
}
