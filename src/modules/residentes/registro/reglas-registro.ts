import { ConflictoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import type { ResidenteEntidad } from '../residente.entity';

/**
 * A self-registered resident gets into the complex only through a decision: while the
 * registration is unverified or pending there is no activation token (it would open the account
 * with a password of the administration's choosing, skipping the decision) and no re-activation.
 * Once rejected, the administration may still take the person in the ordinary way (re-activate,
 * then an activation token): that is a decision too, taken explicitly.
 */
export function exigirRegistroAprobado(r: Pick<ResidenteEntidad, 'registro'>): void {
  if (r.registro !== 'por_verificar' && r.registro !== 'pendiente') return;
  throw new ConflictoError(
    CodigoError.REGISTRO_NO_APROBADO,
    'El registro de este residente aún no fue aprobado: apruébelo o recházelo primero.',
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
