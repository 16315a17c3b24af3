import { CodigoError } from './error-codes';

/**
 * Every rule a service enforces fails with a DomainError: a stable `code` the clients switch on,
 * a Spanish message for the person, and an HTTP status chosen here, once, instead of in services.
 */
export abstract class DomainError extends Error {
  abstract readonly code: CodigoError;
  abstract readonly status: number;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Validation may report several problems at once; the contract lets `message` be an array. */
export class ValidacionError extends DomainError {
  readonly code = CodigoError.VALIDACION;
  readonly status = 400;
  readonly mensajes: string[];
  constructor(mensajes: string | string[]) {
    const lista = Array.isArray(mensajes) ? mensajes : [mensajes];
    super(lista.join(' '));
    this.mensajes = lista;
  }
}

export class NoAutenticadoError extends DomainError {
  readonly code: CodigoError = CodigoError.NO_AUTENTICADO;
  readonly status = 401;
  constructor(message = 'Debe iniciar sesión para continuar.') {
    super(message);
  }
}

export class ProhibidoError extends DomainError {
  readonly code = CodigoError.PROHIBIDO;
  readonly status = 403;
  constructor(message = 'Su rol no permite realizar esta operación.') {
    super(message);
  }
}

/** 403 with its own code: the right password on a registration the administration has not approved. */
export class RegistroPendienteError extends DomainError {
  readonly code = CodigoError.REGISTRO_PENDIENTE;
  readonly status = 403;
  constructor() {
    super(
      'Su registro todavía no ha sido aprobado por la administración. Si aún no confirmó su correo, ' +
        'use el enlace que le enviamos; le avisaremos por correo cuando se apruebe.',
    );
  }
}

export class NoEncontradoError extends DomainError {
  readonly code = CodigoError.NO_ENCONTRADO;
  readonly status = 404;
  constructor(recurso = 'El recurso') {
    super(`${recurso} no existe.`);
  }
}

/** 409: a domain rule blocks the operation; each rule has its own code. */
export class ConflictoError extends DomainError {
  readonly status = 409;
  constructor(
    readonly code: CodigoError,
    message: string,
  ) {
    super(message);
  }
}

/** 400 with a code other than VALIDACION (PASSWORD_DEBIL, TOKEN_INVALIDO). */
export class SolicitudInvalidaError extends DomainError {
  readonly status = 400;
  constructor(
    readonly code: CodigoError,
    message: string,
  ) {
    super(message);
  }
}

export class CredencialesInvalidasError extends NoAutenticadoError {
  override readonly code = CodigoError.CREDENCIALES_INVALIDAS;
  constructor() {
    super('Correo o contraseña incorrectos.');
  }
}

export class DemasiadosIntentosError extends DomainError {
  readonly code = CodigoError.DEMASIADOS_INTENTOS;
  readonly status = 429;
  constructor(
    readonly retryAfterSeconds: number,
    mensaje = `Demasiados intentos fallidos. Intente de nuevo en ${Math.ceil(retryAfterSeconds / 60)} minuto(s).`,
  ) {
    super(mensaje);
  }
}

export class BdNoDisponibleError extends DomainError {
  readonly code = CodigoError.BD_NO_DISPONIBLE;
  readonly status = 503;
  constructor() {
    super(
      'La base de datos no está disponible en este momento. Intente de nuevo en unos segundos.',
    );
  }
}
