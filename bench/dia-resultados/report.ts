import { machineInfo, machineMarkdown } from '../lib/machine';
import { SMOKE } from '../lib/results';
import { Medida } from './carga';
import { Fila, Parametros, ResultadoVariante } from './types';

const ms = (x: number): string =>
  Number.isNaN(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x} ms`;

function estados(m: Medida): string {
  const otros = Object.entries(m.estados)
    .filter(([s]) => !s.startsWith('2'))
    .map(([s, c]) => `${c}×${s}`);
  if (m.errores) otros.push(`${m.errores} socket errors`);
  return otros.join(', ') || '–';
}

/**
 * The ratio means something only when the request was served: a p99 of answers that are mostly
 * the database's time limit (500/503 after ~4 s) is the limit's, so those rows say how many failed.
 */
function razon(m: Medida, base: Medida | null): string {
  if (m === base) return 'baseline';
  const fallidas = m.respondidas - m.ok;
  if (fallidas > 0) return `✗ (${((100 * fallidas) / m.respondidas).toFixed(1)} % not 2xx)`;
  if (!base || base.p99Ms <= 0) return '–';
  const r = m.p99Ms / base.p99Ms;
  return `${r.toFixed(1)}×${r <= 2 ? '' : ' ✗'}`;
}

function fila(f: Fila, base: Medida | null): string {
  const m = f.medida;
  if (!m)
    return `| ${f.peticion} | skipped: the route answered ${f.nota} (not on this commit) | | | | | | |`;
  const alcance = m.sinPedir
    ? `${m.respondidas} (${m.sinPedir} never asked: cap)`
    : `${m.respondidas}`;
  return `| ${f.peticion} | ${alcance} | ${m.rps} | ${ms(m.p50Ms)} | ${ms(m.p99Ms)} | ${ms(m.maxMs)} | ${razon(m, base)} | ${estados(m)} |`;
}

function variante(r: ResultadoVariante): string[] {
  const base = r.filas[0]?.medida ?? null;
  const out = [
    `### ${r.db}, variant \`${r.variante}\``,
    '',
    `${r.version}. ${r.residentes} residents, ${r.solicitudes} solicitudes, draw of ${r.participantes} participants (${ms(r.sorteoMs)}, peak RSS ${r.sorteoRssMb ?? '?'} MB); seeded in ${ms(r.seedMs)}. Peak RSS of the server restarted after the draw, over the residents' reads: **${r.rssLecturasMb ?? '?'} MB**${r.admin.length ? `, after the admin lists too: ${r.rssFinalMb ?? '?'} MB` : ''}.`,
    '',
    '| request (as a resident) | answered | 2xx/s | p50 | p99 | max | p99 / `/auth/me` p99 | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.filas.map((f) => fila(f, base)),
    '',
  ];
  if (r.registro.length) {
    out.push(
      'What the server logged for its errors:',
      '',
      ...r.registro.map((l) => `- \`${l}\``),
      '',
    );
  }
  if (r.admin.length) {
    out.push(
      '| admin list (one at a time) | answered | p50 | p99 | max | non-2xx |',
      '| --- | --- | --- | --- | --- | --- |',
      ...r.admin.map((f) => {
        const m = f.medida as Medida;
        return `| ${f.peticion} | ${m.respondidas} | ${ms(m.p50Ms)} | ${ms(m.p99Ms)} | ${ms(m.maxMs)} | ${estados(m)} |`;
      }),
      '',
    );
  }
  return out;
}

export function markdown(
  machine: ReturnType<typeof machineInfo>,
  loadAvgEnd: number,
  p: Parametros,
  results: ResultadoVariante[],
): string {
  return [
    `# The day the results come out (issue 14)${SMOKE ? ' (smoke: not a measurement)' : ''}`,
    '',
    machineMarkdown(machine),
    `- Load average at the end: ${loadAvgEnd}`,
    '',
    `Each resident with a session asks once for each request, ${p.CONCURRENCIA} at a time (latency from request to last byte); no new request starts after ${p.TOPE_SEG} s (the ones in flight are waited for). Variants: \`base\` ${p.R} residents; \`historia\` the same plus ${p.PREVIOS} earlier draws' closed solicitudes; \`grande\` a ${p.GRANDE}-participant result and ${2 * p.GRANDE} solicitudes (with ${p.R} residents asking), then the admin's lists, first and last page, ${p.ADMIN_PETICIONES} times each. Target: every p99 at most 2× the \`/auth/me\` p99 of the same run (✗ marks a miss); peak RSS under 512 MB.`,
    '',
    ...results.flatMap(variante),
  ].join('\n');
}
