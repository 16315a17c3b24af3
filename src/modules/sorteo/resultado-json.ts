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

/**
 * Each participant's JSON as any resident sees another unit's entry, per list: the results
 * cache keeps one list per result state (`porUnidad`), so on the results day 2,000 residents
 * reading a 10,000-participant result serialise their own few entries each, not 10,000 objects
 * each (bench/README.md). Only the public view is kept; a resident's own entries are always
 * serialised for them. A list that is not the cache's (a result too large for it) is garbage with
 * its request.
 */
const publicos = new WeakMap<readonly ParticipanteGuardado[], string[]>();

function publicosDe(lista: readonly ParticipanteGuardado[]): string[] {
  let json = publicos.get(lista);
  if (!json) {
    json = lista.map((p) => JSON.stringify(aParticipanteDto(p, NADIE)));
    publicos.set(lista, json);
  }
  return json;
}

function* piezas(
  antes: string,
  participantes: readonly ParticipanteGuardado[],
  e: Espectador,
  despues: string,
): Generator<string> {
  yield `${antes}[`;
  const publico = e.rol === 'residente' ? publicosDe(participantes) : null;
  for (let i = 0; i < participantes.length; i += POR_TROZO) {
    let json: string;
    if (publico) {
      const trozo: string[] = [];
      for (let k = i; k < Math.min(i + POR_TROZO, participantes.length); k++) {
        const p = participantes[k];
        trozo.push(
          esPropio(e, p.unidad, p.residenteId)
            ? JSON.stringify(aParticipanteDto(p, e))
            : publico[k],
        );
      }
      json = trozo.join(',');
    } else {
      const trozo = participantes.slice(i, i + POR_TROZO).map((p) => aParticipanteDto(p, e));
      json = JSON.stringify(trozo).slice(1, -1);
    }
    yield (i === 0 ? '' : ',') + json;
  }
  yield `]${despues}`;
}
