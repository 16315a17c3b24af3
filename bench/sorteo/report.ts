import { machineInfo, machineMarkdown } from '../lib/machine';
import type { DbSorteoResult, SizeResult } from './types';

export interface SorteoRaw {
  machine: ReturnType<typeof machineInfo>;
  sizes: number[];
  updatesMax: Record<string, number>;
  smoke: boolean;
  results: DbSorteoResult[];
}

const s = (ms: number): string => (Math.round(ms / 100) / 10).toFixed(1);
const ratio = (a: number, b: number | undefined): string =>
  b ? (Math.round((a / b) * 100) / 100).toFixed(2) : '–';

/**
 * Growth between consecutive sizes, as the measured time ratio next to what N log N predicts:
 * a measured ratio at or under the predicted one means no worse than N log N.
 */
function growth(sizes: SizeResult[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const a = sizes[i - 1];
    const b = sizes[i];
    const nlogn = (b.n * Math.log(b.n)) / (a.n * Math.log(a.n));
    out.push(
      `- N ${a.n} → ${b.n}: ParkNet time ×${ratio(b.parknet.ms, a.parknet.ms)} (N log N predicts ×${nlogn.toFixed(1)}, N alone ×${(b.n / a.n).toFixed(1)})`,
    );
  }
  return out;
}

export function sorteoMarkdown(raw: SorteoRaw): string {
  const lines = [
    `# The draw at scale: ParkNet vs floor${raw.smoke ? ' (SMOKE RUN: not a measurement)' : ''}`,
    '',
    machineMarkdown(raw.machine),
    '- ParkNet: one `POST /sorteo/ejecutar` on the compiled server, timed from request to the last byte of the 201 (which carries every participant). Peak RSS is the server’s VmHWM.',
    '- Floor (bench/sorteo/floor-draw.ts): driver cursor + projection reads, the same pure core, N result documents and the N solicitudes rewritten with unordered bulk writes. `updates` = N `updateOne` by `_id`; `replace` = per 20,000, one exact `deleteMany` + `insertMany`. Each run on a freshly seeded database.',
    `- \`updates\` runs only up to ${JSON.stringify(raw.updatesMax)} participants per database: on FerretDB/SQLite every update scans the collection.`,
    '',
  ];
  for (const d of raw.results) {
    lines.push(`## ${d.db}: ${d.version}`, '');
    lines.push(
      '| N | spots | ParkNet s | peak RSS MB | floor replace s | floor updates s | ParkNet / best floor | ParkNet phases |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const z of d.sizes) {
      const rep = z.floors.find((f) => f.mode === 'replace');
      const upd = z.floors.find((f) => f.mode === 'updates');
      const best = Math.min(...z.floors.map((f) => f.ms.total));
      // The log line ends where Nest's colour codes resume (ESC).
      const fases = new RegExp(`excluidas; ([^${String.fromCharCode(27)}\n]*)`).exec(z.parknet.log);
      lines.push(
        `| ${z.n} | ${z.spots} | ${s(z.parknet.ms)} | ${z.parknet.peakRssMb ?? '?'} | ${rep ? s(rep.ms.total) : '–'} | ${upd ? s(upd.ms.total) : '–'} | ${ratio(z.parknet.ms, Number.isFinite(best) ? best : undefined)} | ${fases ? fases[1] : '?'} |`,
      );
    }
    lines.push('', ...growth(d.sizes), '');
  }
  return lines.join('\n');
}
