import { ConflictoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';

export function noAsignada(solicitudId: string): ConflictoError {
  return new ConflictoError(
    CodigoError.NO_ASIGNADA,
    `La solicitud ${solicitudId} no tiene parqueadero asignado en este sorteo: no hay nada a qué renunciar.`,
  );
}

export function sorteoNoVigente(): ConflictoError {
  return new ConflictoError(
    CodigoError.SORTEO_NO_VIGENTE,
    'Solo se puede renunciar en el sorteo más reciente que no esté anulado.',
  );
}

/** A candidate kept changing under the renuncia (a concurrent change won its claim each time). */
export function candidatoOcupado(): ConflictoError {
  return new ConflictoError(
    CodigoError.SORTEO_EN_CURSO,
    'Otra operación cambiaba a la vez una solicitud de la lista de espera; no se aplicó nada. Intente de nuevo.',
  );
}
