import { machineInfo, machineMarkdown } from '../lib/machine';
import type { DbResult } from './types';

export interface HttpRaw {
  machine: ReturnType<typeof machineInfo>;
  config: Record<string, number>;
  smoke: boolean;
  results: DbResult[];
}

const f = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 10) / 10) : '–');

export function httpMarkdown(raw: HttpRaw): string {
  const c = raw.config;
  const lines = [
    `# HTTP: ParkNet vs floor${raw.smoke ? ' (SMOKE RUN: not a measurement)' : ''}`,
    '',
    machineMarkdown(raw.machine),
    `- Load: autocannon, ${c.connections} connections (login ${c.loginConnections}; list ${c.listConnections} for ${c.listDurationSec} s; participantes ${c.participantesConnections} for ${c.participantesDurationSec} s), ${c.warmupSec} s warm-up discarded, ${c.durationSec} s measured, ${c.rounds} round(s), medians; BCRYPT_ROUNDS=${c.bcryptRounds}`,
    '- req/s counts 2xx responses only. Ratios are ParkNet / floor: throughput target >= 0.7, p99 target <= 1.5.',
    '',
  ];
  for (const d of raw.results) {
    lines.push(`## ${d.db}: ${d.version}`, '');
    const r = d.seeded.resultado;
    lines.push(
      `Seeded: ${d.seeded.solicitudes} solicitudes, ${d.seeded.usuarios} usuarios at login time, ${d.seeded.postIdentities} POST identities. Peak RSS: ParkNet ${d.peakRssMb.parknet ?? '?'} MB (${d.peakRssMb.parknetBeforeDraw ?? '?'} MB before the draw), floor ${d.peakRssMb.floor ?? '?'} MB.`,
      '',
      `Draw for the participantes scenario: ${r.approvedSeeded} approved solicitudes seeded, drawn by ParkNet in ${f(r.drawMs / 1000)} s: ${r.participantes} participants, ${r.excluidos} excluded.`,
      '',
    );
    lines.push(
      '| scenario | ParkNet req/s | floor req/s | ratio | ParkNet p50 / p99 ms | floor p50 / p99 ms | p99 ratio | non-2xx (P / F) |',
    );
    lines.push('|---|---|---|---|---|---|---|---|');
    for (const s of d.scenarios) {
      const p = s.median.parknet;
      const fl = s.median.floor;
      const n2 = `${s.parknet.reduce((a, r) => a + r.non2xx + r.errors, 0)} / ${s.floor.reduce((a, r) => a + r.non2xx + r.errors, 0)}`;
      lines.push(
        `| ${s.scenario} | ${f(p.rps)} | ${f(fl.rps)} | ${s.ratio.rps ?? '–'} | ${f(p.p50Ms)} / ${f(p.p99Ms)} | ${f(fl.p50Ms)} / ${f(fl.p99Ms)} | ${s.ratio.p99 ?? '–'} | ${n2} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
