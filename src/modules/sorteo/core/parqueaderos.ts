import { sha256Hex } from 'src/shared/utils/crypto';
import { compararUnidadesUtf16 } from './orden';
import type { ParqueaderoEntrada } from './tipos';

export interface ParqueaderosOrdenados {
  /** Reserved (carro, discapacidad) spot codes, in draw order. */
  readonly reservados: readonly string[];
  /** Every carro spot, reserved or not, in draw order. */
  readonly carro: readonly ParqueaderoEntrada[];
  readonly moto: readonly string[];
}

/**
 * Spots in the order winners take them: SHA-256(semilla:codigo) hex ascending. The seed decides
 * which winner gets which spot, so neither the admin's list order nor the codes favour anyone.
 */
export function ordenarParqueaderos(
  semilla: string,
  parqueaderos: readonly ParqueaderoEntrada[],
): ParqueaderosOrdenados {
  const ordenados = parqueaderos
    .map((parqueadero) => ({ parqueadero, hash: sha256Hex(`${semilla}:${parqueadero.codigo}`) }))
    .sort((a, b) => compararUnidadesUtf16(a.hash, b.hash))
    .map(({ parqueadero }) => parqueadero);
  const carro = ordenados.filter((p) => p.tipo === 'carro');
  return {
    reservados: carro.filter((p) => p.discapacidad).map((p) => p.codigo),
    carro,
    moto: ordenados.filter((p) => p.tipo === 'moto').map((p) => p.codigo),
  };
}
