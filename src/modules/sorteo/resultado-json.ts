import { Readable } from 'node:stream';
import type { ParticipanteGuardado, ResultadoCompleto } from './resultado.entity';
import {
  aParticipanteDto,
  aResultadoSorteoDto,
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

function* piezas(
  antes: string,
  participantes: readonly ParticipanteGuardado[],
  e: Espectador,
  despues: string,
): Generator<string> {
  yield `${antes}[`;
  for (let i = 0; i < participantes.length; i += POR_TROZO) {
    const trozo = participantes.slice(i, i + POR_TROZO).map((p) => aParticipanteDto(p, e));
    const json = JSON.stringify(trozo);
    yield (i === 0 ? '' : ',') + json.slice(1, -1);
  }
  yield `]${despues}`;
}
