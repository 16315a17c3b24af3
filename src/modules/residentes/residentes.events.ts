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
