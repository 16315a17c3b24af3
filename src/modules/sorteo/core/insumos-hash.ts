import { createHash } from 'node:crypto';
import { compararUnidadesUtf16 } from './orden';
import { ALGORITMO_SORTEO, type ParqueaderoEntrada, type ParticipanteEntrada } from './tipos';

/** Lines are fed to the hash in blocks: one native call per line costs more than the hashing. */
const TAMANO_BLOQUE = 1 << 16;

/**
 * SORTEO.md's `insumosHash`, streamed so that a million lines never become one giant string.
 * `ordenPorId` lists the participants by solicitudId; `pesos[i]` is participant i's weight.
 */
export function calcularInsumosHash(
  participantes: readonly ParticipanteEntrada[],
  pesos: Float64Array,
  ordenPorId: Uint32Array,
  parqueaderos: readonly ParqueaderoEntrada[],
): string {
  const hash = createHash('sha256').update(ALGORITMO_SORTEO, 'utf8');
  let bloque = '';
  const agregar = (linea: string): void => {
    bloque += `\n${linea}`;
    if (bloque.length >= TAMANO_BLOQUE) {
      hash.update(bloque, 'utf8');
      bloque = '';
    }
  };
  // A config yields a few hundred distinct weights at most, and String() of a double is not cheap.
  const textos = new Map<number, string>();
  for (const i of ordenPorId) {
    const p = participantes[i];
    let peso = textos.get(pesos[i]);
    if (peso === undefined) textos.set(pesos[i], (peso = String(pesos[i])));
    agregar(`P ${p.solicitudId} ${p.tipoVehiculo} ${p.discapacidad ? 1 : 0} ${peso}`);
  }
  const porCodigo = [...parqueaderos].sort((a, b) => compararUnidadesUtf16(a.codigo, b.codigo));
  for (const s of porCodigo) agregar(`S ${s.codigo} ${s.tipo} ${s.discapacidad ? 1 : 0}`);
  return hash.update(bloque, 'utf8').digest('hex');
}
