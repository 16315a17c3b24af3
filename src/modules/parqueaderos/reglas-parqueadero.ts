import { ConflictoError, ValidacionError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import type { CambiosParqueadero, ParqueaderoEntidad } from './parqueadero.entity';

/**
 * Decides, on a fresh read of the spot, what one write sets; `{}` writes nothing. It may throw
 * the rule's error; the arbiter calls it again after every lost race.
 */
export type DecisionParqueadero = (actual: ParqueaderoEntidad) => CambiosParqueadero;

const CAMPOS = ['tipo', 'discapacidad', 'zona', 'activo'] as const;

/** Only the fields whose value would change: a write that changes nothing is not made. */
export function soloDistintos(
  actual: ParqueaderoEntidad,
  cambios: CambiosParqueadero,
): CambiosParqueadero {
  const salida: Record<string, unknown> = {};
  for (const campo of CAMPOS) {
    const valor = cambios[campo];
    if (valor !== undefined && valor !== actual[campo]) salida[campo] = valor;
  }
  return salida;
}

export const MENSAJE_SOLO_CARRO = 'discapacidad solo puede ser true en parqueaderos de tipo carro.';

/** A reserved spot is a car spot, whatever combination of writes led there. */
export function reservaValida(p: { tipo: string; discapacidad: boolean }): boolean {
  return !p.discapacidad || p.tipo === 'carro';
}

/**
 * "Set these fields", checked on the spot as it will be: a PATCH of `tipo: moto` on a reserved
 * spot is refused unless it also clears `discapacidad`, even when another writer set the reserve
 * a moment before. Other fields another writer changed meanwhile are kept.
 */
export function fijar(pedidos: CambiosParqueadero): DecisionParqueadero {
  return (actual) => {
    const cambios = soloDistintos(actual, pedidos);
    if (!reservaValida({ ...actual, ...cambios })) throw new ValidacionError(MENSAJE_SOLO_CARRO);
    return cambios;
  };
}

export function parqueaderoModificado(): ConflictoError {
  return new ConflictoError(
    CodigoError.PARQUEADERO_MODIFICADO,
    'El parqueadero cambió varias veces mientras se procesaba; consulte sus datos y vuelva a intentarlo.',
  );
}

export function parqueaderoDuplicado(codigo: string): ConflictoError {
  return new ConflictoError(
    CodigoError.PARQUEADERO_DUPLICADO,
    `Ya existe un parqueadero con el código ${codigo}.`,
  );
}
