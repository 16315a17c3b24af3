import { ConflictoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';

export const CONVOCATORIA_NO_EXISTE = 'La convocatoria';

export function convocatoriaActiva(): ConflictoError {
  return new ConflictoError(
    CodigoError.CONVOCATORIA_ACTIVA,
    'Hay una convocatoria abierta o cerrada: ejecútela o cancélela antes de crear otra convocatoria o de hacer un sorteo inmediato.',
  );
}

export function convocatoriaNoCerrada(): ConflictoError {
  return new ConflictoError(
    CodigoError.CONVOCATORIA_NO_CERRADA,
    'Solo se puede ejecutar una convocatoria cerrada: ciérrela primero (o ya fue ejecutada o cancelada).',
  );
}

export function convocatoriaNoVencida(fechaSorteo: Date): ConflictoError {
  return new ConflictoError(
    CodigoError.CONVOCATORIA_NO_VENCIDA,
    `El sorteo anunciado no puede ejecutarse antes de su fecha (${fechaSorteo.toISOString()}): los valores públicos aún no existen.`,
  );
}

export function convocatoriaVencida(fechaSorteo: Date): ConflictoError {
  return new ConflictoError(
    CodigoError.CONVOCATORIA_VENCIDA,
    `La fecha del sorteo (${fechaSorteo.toISOString()}) ya llegó: cerrar ahora permitiría elegir los insumos conociendo los valores públicos. Cancele la convocatoria y cree otra con una fecha futura.`,
  );
}

export function convocatoriaFinalizada(estado: string): ConflictoError {
  return new ConflictoError(
    CodigoError.CONVOCATORIA_FINALIZADA,
    `La convocatoria ya está ${estado}: no admite más cambios.`,
  );
}

export function convocatoriaYaCerrada(): ConflictoError {
  return new ConflictoError(
    CodigoError.CONVOCATORIA_CERRADA,
    'La convocatoria ya está cerrada: sus participantes e insumos están congelados.',
  );
}

export function convocatoriaAlterada(): ConflictoError {
  return new ConflictoError(
    CodigoError.CONVOCATORIA_ALTERADA,
    'Los insumos congelados de la convocatoria no coinciden con el insumosHash publicado al cerrarla: no se ejecuta. Revise la base de datos o cancele la convocatoria.',
  );
}
