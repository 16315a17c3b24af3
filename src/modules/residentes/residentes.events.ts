/** Published when a resident is given de baja; solicitudes cancels their open requests. */
export const RESIDENTE_DESACTIVADO = 'residente.desactivado';

export interface ResidenteDesactivadoEvento {
  residenteId: string;
  usuarioId: string;
  motivo: string;
}

/**
 * Published once per import that wrote something (POST /residentes/importar), after its writes.
 * The hook for the notifications: activation tokens of imported residents are never returned, so
 * whoever e-mails them issues each one with `CuentasService.emitirActivacion(residenteId)`.
 */
export const RESIDENTES_IMPORTADOS = 'residentes.importados';

export interface ResidentesImportadosEvento {
  /** Residents the import created. */
  creados: string[];
  /**
   * Residents whose pending login account the import created, without a token: the new ones with
   * an email, and those an interrupted import had left without their account.
   */
  conCuentaNueva: string[];
  usuarioId: string;
}

/**
 * Self-registration's e-mails (docs/registro.md). Each event carries the recipient's name and
 * address, so the outbox writes the message without reading anything back.
 */
export const REGISTRO_CREADO = 'registro.creado';

/** A new registration: the verification link (the token, in memory only, as for activations). */
export interface RegistroCreadoEvento {
  residenteId: string;
  nombre: string;
  email: string;
  token: string;
  expiraEn: Date;
}

/**
 * A registration that could not go on, answered with the same 202 as any other. `email`: the
 * address already belongs to an account (its owner is told someone tried it); `documento`: the
 * address is free but the documento is taken (the address is told to ask the administration).
 */
export const REGISTRO_OCUPADO = 'registro.ocupado';

export interface RegistroOcupadoEvento {
  motivo: 'email' | 'documento';
  email: string;
  nombre: string;
}

/** The e-mail was verified: the registration is in the administration's queue. */
export const REGISTRO_VERIFICADO = 'registro.verificado';

/** Approved or rejected by the administration (`motivo` only for a rejection). */
export const REGISTRO_DECIDIDO = 'registro.decidido';

export interface RegistroEvento {
  residenteId: string;
  nombre: string;
  email: string;
  decision?: 'aprobado' | 'rechazado';
  motivo?: string;
}
