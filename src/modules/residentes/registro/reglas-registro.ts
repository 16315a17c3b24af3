import { ConflictoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import type { ResidenteEntidad } from '../residente.entity';

/**
 * A self-registered resident gets into the complex only through approval: no activation token
 * (it would open the account with a password of the administration's choosing, skipping the
 * decision) and no re-activation while the registration is unverified, pending or rejected.
 */
export function exigirRegistroAprobado(r: Pick<ResidenteEntidad, 'registro'>): void {
  if (r.registro === null || r.registro === 'aprobado') return;
  throw new ConflictoError(
    CodigoError.REGISTRO_NO_APROBADO,
    r.registro === 'rechazado'
      ? 'El registro de este residente fue rechazado; no se le puede activar una cuenta.'
      : 'El registro de este residente aún no fue aprobado: apruébelo o recházelo primero.',
  );
}

/** Approving or rejecting anything but a verified registration waiting for the decision. */
export function registroNoPendiente(r: Pick<ResidenteEntidad, 'registro'>): ConflictoError {
  const estado =
    r.registro === null
      ? 'no es un autorregistro'
      : r.registro === 'por_verificar'
        ? 'aún no tiene el correo verificado'
        : `ya fue ${r.registro}`;
  return new ConflictoError(
    CodigoError.REGISTRO_NO_PENDIENTE,
    `Este registro no espera una decisión: ${estado}.`,
  );
}
