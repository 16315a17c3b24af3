import { HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import {
  BdNoDisponibleError,
  DemasiadosIntentosError,
  DomainError,
  ValidacionError,
} from './domain-error';
import { CodigoError } from './error-codes';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: CodigoError;
  message: string | string[];
}

export interface ErrorResponse {
  body: ErrorBody;
  headers: Record<string, string>;
}

const CODIGO_POR_ESTADO: Record<number, { code: CodigoError; message: string }> = {
  400: { code: CodigoError.VALIDACION, message: 'La solicitud no es válida.' },
  401: { code: CodigoError.NO_AUTENTICADO, message: 'Debe iniciar sesión para continuar.' },
  403: { code: CodigoError.PROHIBIDO, message: 'Su rol no permite realizar esta operación.' },
  404: { code: CodigoError.NO_ENCONTRADO, message: 'El recurso solicitado no existe.' },
  405: { code: CodigoError.METODO_NO_PERMITIDO, message: 'Método no permitido para esta ruta.' },
  413: {
    code: CodigoError.CUERPO_DEMASIADO_GRANDE,
    message: 'El cuerpo de la solicitud es demasiado grande.',
  },
  415: {
    code: CodigoError.TIPO_CONTENIDO_NO_SOPORTADO,
    message: 'Envíe el cuerpo como JSON (Content-Type: application/json).',
  },
};

const logger = new Logger('Errores');

/** Driver and connection failures mean "the database is unreachable", whatever their class. */
const NOMBRES_ERROR_CONEXION = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoExpiredSessionError',
  // The client-side time limit (timeoutMS) ran out: the server stalls or is unreachable.
  'MongoOperationTimeoutError',
]);

/** The server's own verdict on the maxTimeMS the driver sends with each command. */
const MAX_TIME_MS_EXPIRED = 50;
/**
 * FerretDB on SQLite reports an expired maxTimeMS as SQLite's SQLITE_INTERRUPT (result code 9)
 * inside an internal error, not as code 50: the same verdict, so the same 503.
 */
const SQLITE_INTERRUMPIDA = /\binterrupted \(9\)/;

export function esErrorDeConexion(err: unknown, profundidad = 0): boolean {
  if (!(err instanceof Error)) return false;
  if (NOMBRES_ERROR_CONEXION.has(err.name)) return true;
  if (
    err.name === 'MongoServerError' &&
    ((err as { code?: unknown }).code === MAX_TIME_MS_EXPIRED ||
      SQLITE_INTERRUMPIDA.test(err.message))
  )
    return true;
  // Mongoose raises a plain MongooseError when a command cannot be buffered or sent.
  if (
    err.name === 'MongooseError' &&
    /buffering timed out|not connected|connection/i.test(err.message)
  )
    return true;
  // A bulk write (insertMany) wraps the driver's connection error instead of throwing it.
  const { cause, errorResponse } = err as { cause?: unknown; errorResponse?: unknown };
  return (
    profundidad < 3 &&
    (esErrorDeConexion(cause, profundidad + 1) || esErrorDeConexion(errorResponse, profundidad + 1))
  );
}

function cuerpo(statusCode: number, code: CodigoError, message: string | string[]): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message };
}

/** Fastify's own errors (malformed JSON, body too large) carry a statusCode and an FST_ code. */
function esErrorHttpDeFastify(err: unknown): err is Error & { statusCode: number; code?: string } {
  return (
    err instanceof Error &&
    typeof (err as { statusCode?: unknown }).statusCode === 'number' &&
    typeof (err as { code?: unknown }).code === 'string' &&
    String((err as { code?: unknown }).code).startsWith('FST_')
  );
}

/**
 * The single translation from anything thrown to the contract's error body. Nothing of the
 * original error's text reaches the client unless it is one of our own Spanish messages.
 */
export function aRespuestaDeError(err: unknown): ErrorResponse {
  if (err instanceof DomainError) {
    const message =
      err instanceof ValidacionError && err.mensajes.length > 1 ? err.mensajes : err.message;
    const headers: Record<string, string> =
      err instanceof DemasiadosIntentosError
        ? { 'Retry-After': String(Math.ceil(err.retryAfterSeconds)) }
        : {};
    return { body: cuerpo(err.status, err.code, message), headers };
  }
  if (esErrorDeConexion(err)) {
    const e = new BdNoDisponibleError();
    return { body: cuerpo(e.status, e.code, e.message), headers: { 'Retry-After': '5' } };
  }
  if (err instanceof HttpException || esErrorHttpDeFastify(err)) {
    const status = err instanceof HttpException ? err.getStatus() : err.statusCode;
    const conocido = CODIGO_POR_ESTADO[status];
    if (conocido) return { body: cuerpo(status, conocido.code, conocido.message), headers: {} };
    if (status < 500)
      return {
        body: cuerpo(status, CodigoError.SOLICITUD_INVALIDA, 'La solicitud no es válida.'),
        headers: {},
      };
  }
  if (err instanceof Error && err.name === 'CastError') {
    return {
      body: cuerpo(400, CodigoError.VALIDACION, 'Algún valor no tiene el tipo esperado.'),
      headers: {},
    };
  }
  logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return {
    body: cuerpo(
      500,
      CodigoError.ERROR_INTERNO,
      'Ocurrió un error inesperado. Intente de nuevo; si persiste, contacte al soporte.',
    ),
    headers: {},
  };
}
