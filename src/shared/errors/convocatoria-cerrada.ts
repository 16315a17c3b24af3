import { ConflictoError } from './domain-error';
import { CodigoError } from './error-codes';

/**
 * 409 CONVOCATORIA_CERRADA, one message wherever it is met: a closed convocatoria froze the
 * solicitud (its reservation claim carries the convocatoria), so it cannot change until the
 * announced draw runs or the convocatoria is cancelled. Shared because the solicitudes module
 * meets it without knowing the draw's module.
 */
export function convocatoriaCerrada(): ConflictoError {
  return new ConflictoError(
    CodigoError.CONVOCATORIA_CERRADA,
    'La solicitud está congelada en una convocatoria cerrada: no puede cambiar hasta que se ejecute el sorteo anunciado o se cancele la convocatoria.',
  );
}
