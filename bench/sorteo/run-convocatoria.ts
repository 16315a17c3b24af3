import { fasesDelRegistro, LINEA_DEL_CIERRE } from '../../test/support/fases-sorteo';
import { DbKind, selectedDbs, startDb } from '../lib/databases';
import { machineInfo, machineMarkdown } from '../lib/machine';
import { SMOKE, writeResults } from '../lib/results';
import { seeded, spots } from '../lib/seed-sorteo';
import { CloseRun, parknetCierre } from './parknet-cierre';
import { DrawRun, parknetDraw } from './parknet-draw';

/**
 * Closing a convocatoria against the preparation of an immediate draw (issue 11): for each N, a
 * fresh database with N approved solicitudes and one POST /sorteo/ejecutar, whose log gives its
 * phases; then the same N on another fresh database, one convocatoria created and closed. The
 * target: the close costs at most 1.2 × the draw's preparation (read + reserve + classify, which
 * the draw logs as `leer`, `reservar` and `calcular`). Spots: N / 10, at most 10,000.
 */

const SIZES = (process.env.BENCH_CONVOCATORIA_N ?? (SMOKE ? '1000' : '100000'))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const LIMITE = 1.2;

interface SizeRun {
  n: number;
  spots: number;
  draw: DrawRun;
  fases: Record<string, number>;
  /** leer + reservar + calcular of the draw. */
  preparacionMs: number;
  /** The same plus `guardar`: everything the draw does before its commit point. */
  antesDelCompromisoMs: number;
  close: CloseRun;
  /** The close's own phases from its log line (`leer` includes its recovery check). */
  fasesCierre: Record<string, number>;
}

interface DbRun {
  db: DbKind;
  version: string;
  sizes: SizeRun[];
}

async function benchSize(kind: DbKind, n: number): Promise<SizeRun> {
  const spotCount = Math.min(10_000, Math.max(1, Math.floor(n / 10)));
  const a = await seeded(kind, n);
  let draw: DrawRun;
  try {
    console.log(`[${kind}] N=${n}: immediate draw (seeded in ${a.seedMs} ms)`);
    draw = await parknetDraw(a.db, spots(spotCount));
  } finally {
    await a.db.stop();
  }
  const fases = Object.fromEntries(fasesDelRegistro(draw.log).map((f) => [f.fase, f.ms]));
  const preparacionMs = fases.leer + fases.reservar + fases.calcular;
  const antesDelCompromisoMs = preparacionMs + fases.guardar;
  console.log(`  draw ${draw.ms} ms; preparation ${preparacionMs} ms (${JSON.stringify(fases)})`);
  const b = await seeded(kind, n);
  let close: CloseRun;
  try {
    console.log(`[${kind}] N=${n}: convocatoria close (seeded in ${b.seedMs} ms)`);
    close = await parknetCierre(b.db, spots(spotCount));
  } finally {
    await b.db.stop();
  }
  const fasesCierre = Object.fromEntries(
    fasesDelRegistro(close.log, LINEA_DEL_CIERRE).map((f) => [f.fase, f.ms]),
  );
  console.log(
    `  close ${close.ms} ms, ×${(close.ms / preparacionMs).toFixed(2)} the preparation (${JSON.stringify(fasesCierre)})`,
  );
  return {
    n,
    spots: spotCount,
    draw,
    fases,
    preparacionMs,
    antesDelCompromisoMs,
    close,
    fasesCierre,
  };
}

const seg = (ms: number): string => (ms / 1000).toFixed(1);
const enLinea = (fases: Record<string, number>): string =>
  Object.entries(fases)
    .map(([f, ms]) => `${f} ${ms} ms`)
    .join(', ');

function markdown(raw: { machine: ReturnType<typeof machineInfo>; results: DbRun[] }): string {
  const lines = [
    `# Closing a convocatoria vs preparing a draw${SMOKE ? ' (SMOKE RUN: not a measurement)' : ''}`,
    '',
    machineMarkdown(raw.machine),
    '- Draw: one `POST /sorteo/ejecutar` on a fresh database; its phases from the server log (`Cronometro`). Preparation = `leer` + `reservar` + `calcular` (read, reserve, classify and compute).',
    '- Close: on another fresh database with the same N, one convocatoria created (untimed) and `POST /sorteo/convocatorias/:id/cerrar` timed from request to last byte.',
    `- Target: close ≤ ${LIMITE} × preparation.`,
    '',
  ];
  for (const d of raw.results) {
    lines.push(`## ${d.db}: ${d.version}`, '');
    lines.push(
      '| N | spots | preparation s | before commit s | close s | close / preparation | target | close / before commit | close peak RSS MB | draw phases | close phases |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const z of d.sizes) {
      const r = z.close.ms / z.preparacionMs;
      lines.push(
        `| ${z.n} | ${z.spots} | ${seg(z.preparacionMs)} | ${seg(z.antesDelCompromisoMs)} | ${seg(z.close.ms)} | ${r.toFixed(2)} | ${r <= LIMITE ? 'met' : 'NOT met'} | ${(z.close.ms / z.antesDelCompromisoMs).toFixed(2)} | ${z.close.peakRssMb ?? '?'} | ${enLinea(z.fases)} | ${enLinea(z.fasesCierre)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const results: DbRun[] = [];
  for (const kind of selectedDbs()) {
    const probe = await startDb(kind);
    const version = probe.version;
    await probe.stop();
    const sizes: SizeRun[] = [];
    for (const n of SIZES) sizes.push(await benchSize(kind, n));
    results.push({ db: kind, version, sizes });
  }
  const raw = { machine, sizes: SIZES, smoke: SMOKE, results };
  const files = writeResults('convocatoria', SMOKE, markdown(raw), raw);
  console.log(`results: ${files.md}\nraw: ${files.json}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
