import { ConflictoError } from './domain-error';
import { CodigoError } from './error-codes';

/**
 * 409 SORTEO_EN_CURSO, one message wherever it is met: a draw or an annulment holds the draw lock,
 * so what it reads must not change under it.
 */
export function sorteoEnCurso(): ConflictoError {
  return new ConflictoError(
    CodigoError.SORTEO_EN_CURSO,
    'Hay un sorteo o una anulación en curso. Espere a que termine e intente de nuevo.',
  );
}

/** The same code for the caller whose own draw lost the lock midway: nothing of it was applied. */
export function turnoPerdido(): ConflictoError {
  return new ConflictoError(
    CodigoError.SORTEO_EN_CURSO,
    'El sorteo se interrumpió porque otro servidor tomó el turno; no se aplicó nada. Intente de nuevo.',
  );
}
