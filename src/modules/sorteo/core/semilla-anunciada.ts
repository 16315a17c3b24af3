import { createHash } from 'node:crypto';

/** SORTEO.md "Announced draws": the first line of the seed's input. */
export const ALGORITMO_SEMILLA = 'PARKNET-SEMILLA-v1';

const VALOR_CANONICO = /^[0-9A-Z .,:/#-]{1,100}$/;
const SECRETO = /^[0-9a-f]{64}$/;

const sha256Hex = (texto: string): string =>
  createHash('sha256').update(texto, 'utf8').digest('hex');

/**
 * A public value in canonical form (NFC, trimmed, white-space runs as one space, upper case), or
 * null when the result is not a valid value: the caller answers 400 naming it.
 */
export function canonizarValorPublico(valor: string): string | null {
  const canonico = valor.normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase();
  return VALOR_CANONICO.test(canonico) ? canonico : null;
}

/** What the close publishes in place of the server's secret. */
export function compromisoDe(secretoServidor: string): string {
  if (!SECRETO.test(secretoServidor))
    throw new Error('secretoServidor inválido: se esperan 64 hexadecimales en minúscula');
  return sha256Hex(secretoServidor);
}

/**
 * The seed of an announced draw: SHA-256 of the lines ALGORITMO_SEMILLA, insumosHash, the server's
 * secret and each public value in canonical form, joined by "\n". `valoresCanonicos` must already
 * be canonical (canonizarValorPublico), in the announced order.
 */
export function derivarSemilla(
  insumosHash: string,
  secretoServidor: string,
  valoresCanonicos: readonly string[],
): string {
  if (!SECRETO.test(insumosHash)) throw new Error('insumosHash inválido');
  if (!SECRETO.test(secretoServidor)) throw new Error('secretoServidor inválido');
  for (const v of valoresCanonicos) {
    if (canonizarValorPublico(v) !== v) throw new Error(`Valor público no canónico: "${v}"`);
  }
  return sha256Hex(
    [ALGORITMO_SEMILLA, insumosHash, secretoServidor, ...valoresCanonicos].join('\n'),
  );
}
