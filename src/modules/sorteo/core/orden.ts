import type { ParticipanteEntrada } from './tipos';

/** SORTEO.md orders strings by UTF-16 code units (JavaScript's `<`), never by locale. */
export function compararUnidadesUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const BITS_DIGITO = 16;
const CUBETAS = 1 << BITS_DIGITO;

/**
 * `orden` reordered by an unsigned key spread over 32-bit words (`palabras[0]` least
 * significant; `palabras[w][i]` is word w of element i's key), ascending; equal keys keep their
 * order in `orden`. A radix sort does in a few linear passes what a comparator sort of a million
 * indices needs ~300 ms for, and its stability is what the draw's tie-breaks rely on.
 */
export function ordenarEstable(palabras: readonly Uint32Array[], orden: Uint32Array): Uint32Array {
  const n = orden.length;
  const digitos = palabras.length * 2;
  const digito = (i: number, d: number): number =>
    (palabras[d >> 1][i] >>> ((d & 1) * BITS_DIGITO)) & (CUBETAS - 1);
  // Counting does not depend on order, so one pass fills the histograms of every digit.
  const conteos = new Uint32Array(digitos * CUBETAS);
  for (let k = 0; k < n; k++) {
    for (let d = 0; d < digitos; d++) conteos[d * CUBETAS + digito(orden[k], d)]++;
  }
  let origen = orden.slice();
  let destino = new Uint32Array(n);
  for (let d = 0; d < digitos; d++) {
    const base = d * CUBETAS;
    if (n === 0 || conteos[base + digito(origen[0], d)] === n) continue; // nothing to reorder
    let inicio = 0;
    for (let c = base; c < base + CUBETAS; c++) {
      const cantidad = conteos[c];
      conteos[c] = inicio;
      inicio += cantidad;
    }
    for (let k = 0; k < n; k++) destino[conteos[base + digito(origen[k], d)]++] = origen[k];
    [origen, destino] = [destino, origen];
  }
  return origen;
}

/**
 * A non-negative double's IEEE-754 bits, read as an unsigned integer, order like the number:
 * so its key is the two halves of those bits. DataView fixes the byte order on any platform.
 */
export function palabrasDeDoubles(valores: Float64Array): [Uint32Array, Uint32Array] {
  const bajas = new Uint32Array(valores.length);
  const altas = new Uint32Array(valores.length);
  const bits = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < valores.length; i++) {
    bits.setFloat64(0, valores[i], true);
    bajas[i] = bits.getUint32(0, true);
    altas[i] = bits.getUint32(4, true);
  }
  return [bajas, altas];
}

/**
 * Participant indices by `solicitudId` ascending. The ids were validated as 24 lowercase hex
 * digits, which order as the 96-bit numbers they spell, so they are sorted as three words rather
 * than as strings: comparing a million random strings takes seconds. Throws on a repeated id,
 * for which the ranking's tie-break would be undefined.
 */
export function ordenarPorSolicitudId(
  participantes: readonly ParticipanteEntrada[],
  id: readonly [Uint32Array, Uint32Array, Uint32Array],
): Uint32Array {
  const identidad = new Uint32Array(participantes.length);
  for (let i = 0; i < identidad.length; i++) identidad[i] = i;
  const orden = ordenarEstable(id, identidad);
  const [bajo, medio, alto] = id;
  for (let k = 1; k < orden.length; k++) {
    const a = orden[k - 1];
    const b = orden[k];
    if (bajo[a] === bajo[b] && medio[a] === medio[b] && alto[a] === alto[b]) {
      throw new Error(`solicitudId repetido: ${participantes[a].solicitudId}`);
    }
  }
  return orden;
}
