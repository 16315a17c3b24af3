/**
 * Every `code` an error body can carry, in one place: clients switch on them, so a typo must not
 * compile into a new one. The object gives the values; the type of the same name is their union.
 */
export const CodigoError = {
  // Transport and framework (error-body.ts maps these from statuses and driver errors).
  VALIDACION: 'VALIDACION',
  SOLICITUD_INVALIDA: 'SOLICITUD_INVALIDA',
  NO_AUTENTICADO: 'NO_AUTENTICADO',
  PROHIBIDO: 'PROHIBIDO',
  NO_ENCONTRADO: 'NO_ENCONTRADO',
  METODO_NO_PERMITIDO: 'METODO_NO_PERMITIDO',
  CUERPO_DEMASIADO_GRANDE: 'CUERPO_DEMASIADO_GRANDE',
  TIPO_CONTENIDO_NO_SOPORTADO: 'TIPO_CONTENIDO_NO_SOPORTADO',
  DEMASIADOS_INTENTOS: 'DEMASIADOS_INTENTOS',
  BD_NO_DISPONIBLE: 'BD_NO_DISPONIBLE',
  ERROR_INTERNO: 'ERROR_INTERNO',
  // Authentication.
  CREDENCIALES_INVALIDAS: 'CREDENCIALES_INVALIDAS',
  PASSWORD_DEBIL: 'PASSWORD_DEBIL',
  TOKEN_INVALIDO: 'TOKEN_INVALIDO',
  PASSWORD_ACTUAL_INCORRECTA: 'PASSWORD_ACTUAL_INCORRECTA',
  /** Removing the only active admin left (DELETE /usuarios/:id). */
  ULTIMO_ADMIN: 'ULTIMO_ADMIN',
  /** 403: the right password on a self-registered account not approved yet. */
  REGISTRO_PENDIENTE: 'REGISTRO_PENDIENTE',
  // Business rules (409 unless said otherwise by the error class).
  RESIDENTE_DUPLICADO: 'RESIDENTE_DUPLICADO',
  RESIDENTE_INACTIVO: 'RESIDENTE_INACTIVO',
  /** Another writer changed the same field of the resident at the same time. */
  RESIDENTE_MODIFICADO: 'RESIDENTE_MODIFICADO',
  RESIDENTE_EN_MORA: 'RESIDENTE_EN_MORA',
  SIN_EMAIL: 'SIN_EMAIL',
  /** Approving or rejecting a registration that is not waiting for the decision. */
  REGISTRO_NO_PENDIENTE: 'REGISTRO_NO_PENDIENTE',
  /** An activation or a re-activation of a self-registered resident not approved. */
  REGISTRO_NO_APROBADO: 'REGISTRO_NO_APROBADO',
  SOLICITUD_ABIERTA_EXISTENTE: 'SOLICITUD_ABIERTA_EXISTENTE',
  PLACA_DUPLICADA: 'PLACA_DUPLICADA',
  TRANSICION_INVALIDA: 'TRANSICION_INVALIDA',
  SORTEO_EN_CURSO: 'SORTEO_EN_CURSO',
  SIN_PARTICIPANTES: 'SIN_PARTICIPANTES',
  SORTEO_NO_ANULABLE: 'SORTEO_NO_ANULABLE',
  SEMILLA_MANUAL_DESHABILITADA: 'SEMILLA_MANUAL_DESHABILITADA',
  /** POST /notificaciones/:id/reintentar on a message that is not `fallida`. */
  NOTIFICACION_NO_FALLIDA: 'NOTIFICACION_NO_FALLIDA',
  // The spot inventory.
  PARQUEADERO_DUPLICADO: 'PARQUEADERO_DUPLICADO',
  /** A spot changed more times than one write retries while it was being written. */
  PARQUEADERO_MODIFICADO: 'PARQUEADERO_MODIFICADO',
  /** A draw without `parqueaderos` and no active spot in the inventory. */
  SIN_PARQUEADEROS: 'SIN_PARQUEADEROS',
  // Announced draws (convocatorias).
  CONVOCATORIA_ACTIVA: 'CONVOCATORIA_ACTIVA',
  CONVOCATORIA_CERRADA: 'CONVOCATORIA_CERRADA',
  CONVOCATORIA_NO_CERRADA: 'CONVOCATORIA_NO_CERRADA',
  CONVOCATORIA_NO_VENCIDA: 'CONVOCATORIA_NO_VENCIDA',
  CONVOCATORIA_VENCIDA: 'CONVOCATORIA_VENCIDA',
  CONVOCATORIA_FINALIZADA: 'CONVOCATORIA_FINALIZADA',
  CONVOCATORIA_ALTERADA: 'CONVOCATORIA_ALTERADA',
  /** A renuncia of a solicitud that holds no spot in that result (now). */
  NO_ASIGNADA: 'NO_ASIGNADA',
  /** A renuncia on a result that is not the latest non-annulled draw. */
  SORTEO_NO_VIGENTE: 'SORTEO_NO_VIGENTE',
} as const;

export type CodigoError = (typeof CodigoError)[keyof typeof CodigoError];
