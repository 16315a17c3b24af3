import { HASH_INICIAL, hashDeEntrada } from './canonico';
import type { EntradaAuditoria } from './entrada-auditoria';

export interface ResultadoVerificacion {
  valido: boolean;
  entradas: number;
  primerError: null | { n: number; motivo: string };
}

/** What the check keeps of each entry: its place, its links, and whether it re-hashes. */
interface Eslabon {
  n: number;
  hashPrevio: string;
  hash: string;
  integro: boolean;
}

/**
 * Recomputes the chain from the stored entries, in any order (each is reduced to a few strings,
 * then ordered by n): the first break is a missing n (a deleted entry), an entry whose hash is not
 * the hash of its content (an edit), or a hashPrevio that is not its predecessor's hash.
 * The same rules as scripts/verificar-auditoria.mjs, which a revisor runs offline.
 */
export async function verificarCadena(
  entradas: AsyncIterable<EntradaAuditoria>,
): Promise<ResultadoVerificacion> {
  const eslabones: Eslabon[] = [];
  for await (const e of entradas) {
    eslabones.push({
      n: e.n,
      hashPrevio: e.hashPrevio,
      hash: e.hash,
      integro: hashDeEntrada(e) === e.hash,
    });
  }
  eslabones.sort((a, b) => a.n - b.n);
  const error = (n: number, motivo: string): ResultadoVerificacion => ({
    valido: false,
    entradas: eslabones.length,
    primerError: { n, motivo },
  });
  let previo = { n: 0, hash: HASH_INICIAL };
  for (const e of eslabones) {
    if (!Number.isSafeInteger(e.n) || e.n <= previo.n) {
      return error(previo.n + 1, 'Número de entrada repetido o inválido.');
    }
    if (e.n !== previo.n + 1) {
      return error(previo.n + 1, `Falta la entrada ${previo.n + 1}: la cadena salta a la ${e.n}.`);
    }
    if (!e.integro) {
      return error(e.n, 'El hash no corresponde al contenido de la entrada: fue modificada.');
    }
    if (e.hashPrevio !== previo.hash) {
      return error(e.n, 'hashPrevio no coincide con el hash de la entrada anterior.');
    }
    previo = e;
  }
  return { valido: true, entradas: eslabones.length, primerError: null };
}
