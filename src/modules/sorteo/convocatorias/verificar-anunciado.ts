import { createHash } from 'node:crypto';
import { derivarSemilla } from '../core/semilla-anunciada';
import type { ParticipanteEntrada } from '../core/tipos';
import type { ConvocatoriaRevelada } from '../resultado.entity';

/** What an announced result says of itself. */
export interface ResultadoAnunciado {
  readonly semilla: string;
  readonly insumosHash: string;
  readonly convocatoria: ConvocatoriaRevelada;
  readonly participantes: readonly ParticipanteEntrada[];
}

/** What its convocatoria published at the close, and the lines it froze (null: it is gone). */
export interface CierrePublicado {
  readonly cerradaEn: Date;
  readonly insumosHash: string;
  readonly compromisoServidor: string;
  readonly lineas: readonly ParticipanteEntrada[];
}

const ATRIBUTOS = [
  'tipoVehiculo',
  'discapacidad',
  'adultoMayor',
  'sinAsignacionPrevia',
  'aniosResidencia',
] as const satisfies readonly (keyof ParticipanteEntrada)[];

const sha256 = (texto: string): string => createHash('sha256').update(texto, 'utf8').digest('hex');
const mostrar = (v: unknown): string => (v === undefined ? 'ausente' : JSON.stringify(v));

/**
 * SORTEO.md "Announced draws", the checks anyone can make besides recomputing the draw: the
 * revealed secret matches the commitment published at the close, the result's `insumosHash` is the
 * one published at the close, the seed follows from the line list, and the result's participants
 * are exactly the frozen lines (so a changed secret, result line or frozen line shows up). Each
 * difference in Spanish, like verificarSorteo's.
 */
export function verificarAnunciado(
  r: ResultadoAnunciado,
  cierre: CierrePublicado | null,
): string[] {
  const c = r.convocatoria;
  if (!cierre) return [`convocatoria ${c.id}: no existe o no tiene cierre publicado`];
  const dif: string[] = [];
  const secretoValido = /^[0-9a-f]{64}$/.test(c.secretoServidor);
  if (!secretoValido || sha256(c.secretoServidor) !== cierre.compromisoServidor) {
    dif.push(
      'secretoServidor: su SHA-256 no es el compromisoServidor publicado al cerrar la convocatoria',
    );
  }
  if (c.compromisoServidor !== cierre.compromisoServidor) {
    dif.push(
      `compromisoServidor: el resultado dice ${mostrar(c.compromisoServidor)}, la convocatoria publicó ${mostrar(cierre.compromisoServidor)}`,
    );
  }
  if (r.insumosHash !== cierre.insumosHash) {
    dif.push(
      `insumosHash: el resultado dice ${mostrar(r.insumosHash)}, la convocatoria publicó ${mostrar(cierre.insumosHash)} al cerrar`,
    );
  }
  if (new Date(c.cerradaEn).getTime() !== cierre.cerradaEn.getTime()) {
    dif.push(`cerradaEn: el resultado no dice el instante del cierre publicado`);
  }
  try {
    const semilla = derivarSemilla(cierre.insumosHash, c.secretoServidor, c.valoresPublicos);
    if (semilla !== r.semilla) {
      dif.push(
        `semilla: valor almacenado ${mostrar(r.semilla)}, derivada de insumosHash, secretoServidor y valoresPublicos ${mostrar(semilla)}`,
      );
    }
  } catch (error) {
    dif.push(
      `semilla: no se puede derivar (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  compararLineas(r.participantes, cierre.lineas, dif);
  return dif;
}

function compararLineas(
  resultado: readonly ParticipanteEntrada[],
  congeladas: readonly ParticipanteEntrada[],
  dif: string[],
): void {
  const porId = new Map(resultado.map((p) => [p.solicitudId, p]));
  const vistas = new Set<string>();
  for (const l of congeladas) {
    vistas.add(l.solicitudId);
    const p = porId.get(l.solicitudId);
    if (!p) {
      dif.push(`solicitud ${l.solicitudId}: congelada al cerrar y ausente del resultado`);
      continue;
    }
    for (const campo of ATRIBUTOS) {
      if (p[campo] !== l[campo]) {
        dif.push(
          `solicitud ${l.solicitudId}, ${campo}: en el resultado ${mostrar(p[campo])}, congelado al cerrar ${mostrar(l[campo])}`,
        );
      }
    }
  }
  for (const p of resultado) {
    if (!vistas.has(p.solicitudId))
      dif.push(`solicitud ${p.solicitudId}: está en el resultado y no fue congelada al cerrar`);
  }
}
