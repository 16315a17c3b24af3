import { Readable } from 'node:stream';
import type { ParticipanteGuardado, ResultadoCompleto } from './resultado.entity';
import {
  aParticipanteDto,
  aResultadoSorteoDto,
  esPropio,
  participantesEnOrden,
  type Espectador,
} from './resultado.mapper';

/** Participants serialised per piece: the response never exists whole in memory. */
const POR_TROZO = 1000;
const MARCA = '\u0000participantes\u0000';

/**
 * A whole result as JSON, written piece by piece: at 100,000 participants the body is ~40 MB,
 * and building it at once (the DTOs, the string, its copy into a buffer) cost the server a few
 * hundred MB of peak memory. Same bytes as JSON.stringify(aResultadoSorteoDto(r, e)); `enOrden`
 * is `r.participantes` in the spectator's order, when the caller has it sorted already.
 */
export function resultadoComoJson(
  r: ResultadoCompleto,
  e: Espectador,
  enOrden: readonly ParticipanteGuardado[] = participantesEnOrden(r.participantes, e),
): Readable {
  const sinParticipantes = aResultadoSorteoDto({ ...r, participantes: [] }, e);
  const plantilla = JSON.stringify({ ...sinParticipantes, participantes: MARCA });
  const partes = plantilla.split(JSON.stringify(MARCA));
  // Only if some stored text held the marker itself: then plainly, all at once.
  if (partes.length !== 2) return Readable.from([JSON.stringify(aResultadoSorteoDto(r, e))]);
  return Readable.from(piezas(partes[0], enOrden, e, partes[1]));
}

/** A resident for whom no entry is their own: what every resident sees of other units. */
const NADIE: Espectador = { rol: 'residente', residenteId: '', unidad: null };

/** One list's public JSON: a string per participant and, per piece, the piece's bytes. */
interface Publico {
  filas: string[];
  trozos: Buffer[];
}

/**
 * Each participant's JSON as any resident sees another unit's entry, per list: the results
 * cache keeps one list per result state (`porUnidad`), so on the results day 2,000 residents
 * reading a 10,000-participant result each get the pieces without their own entries as bytes
 * ready to send, and serialise only the piece that holds their unit (bench/README.md). Only the
 * public view is kept; a resident's own entries are always serialised for them. A list that is
 * not the cache's (a result too large for it) is garbage with its request.
 */
const publicos = new WeakMap<readonly ParticipanteGuardado[], Publico>();

function publicoDe(lista: readonly ParticipanteGuardado[]): Publico {
  let p = publicos.get(lista);
  if (!p) {
    const filas = lista.map((x) => JSON.stringify(aParticipanteDto(x, NADIE)));
    const trozos: Buffer[] = [];
    for (let i = 0; i < filas.length; i += POR_TROZO)
      trozos.push(Buffer.from(filas.slice(i, i + POR_TROZO).join(','), 'utf8'));
    p = { filas, trozos };
    publicos.set(lista, p);
  }
  return p;
}

function* piezas(
  antes: string,
  participantes: readonly ParticipanteGuardado[],
  e: Espectador,
  despues: string,
): Generator<string | Buffer> {
  yield `${antes}[`;
  const publico = e.rol === 'residente' ? publicoDe(participantes) : null;
  for (let i = 0; i < participantes.length; i += POR_TROZO) {
    if (i > 0) yield ',';
    const fin = Math.min(i + POR_TROZO, participantes.length);
    if (!publico) {
      yield JSON.stringify(participantes.slice(i, fin).map((p) => aParticipanteDto(p, e))).slice(
        1,
        -1,
      );
      continue;
    }
    const propios: number[] = [];
    for (let k = i; k < fin; k++) {
      const p = participantes[k];
      if (esPropio(e, p.unidad, p.residenteId)) propios.push(k);
    }
    if (propios.length === 0) {
      yield publico.trozos[i / POR_TROZO];
      continue;
    }
    const trozo = publico.filas.slice(i, fin);
    for (const k of propios) trozo[k - i] = JSON.stringify(aParticipanteDto(participantes[k], e));
    yield trozo.join(',');
  }
  yield `]${despues}`;
}
