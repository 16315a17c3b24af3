import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TS_NODE_ARGS } from '../lib/child';
import { machineInfo, machineMarkdown } from '../lib/machine';
import { envNumber, SMOKE, writeResults } from '../lib/results';
import { median } from '../lib/stats';
import { exponent, measureGap } from './gap';

const N = envNumber('BENCH_CORE_N', 1_000_000, 1_000_000);
const REPS = envNumber('BENCH_CORE_REPS', 3, 1);
const GAP_SIZES = SMOKE ? [1000, 2000, 5000] : [1000, 2000, 5000, 10_000, 20_000];

interface MillionRun {
  n: number;
  spots: number;
  timesMs: number[];
  heapMb: { base: number; withInput: number; afterDrawBeforeGc: number; withResult: number };
  maxRssMb: number;
  /** Largest heap in use seen just before any GC (from --trace-gc). */
  gcPeakMb: number;
}

/**
 * A child node with --expose-gc --trace-gc runs core/million.ts; the largest "before" heap of any
 * GC line is the heap's high-water mark (a synchronous draw gives no other chance to sample it).
 */
function million(draw: boolean): MillionRun {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--trace-gc', ...TS_NODE_ARGS, join(__dirname, 'million.ts')],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
      env: {
        ...process.env,
        CORE_N: String(N),
        CORE_REPS: String(REPS),
        CORE_DRAW: draw ? '1' : '0',
      },
    },
  );
  let gcPeakMb = 0;
  for (const m of out.matchAll(
    /(?:Scavenge|Mark-Compact|Mark-sweep)[^\n]*?\s([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g,
  )) {
    gcPeakMb = Math.max(gcPeakMb, Number(m[1]));
  }
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no RESULT line from million.ts:\n${out.slice(-2000)}`);
  return { ...(JSON.parse(line.slice(7)) as Omit<MillionRun, 'gcPeakMb'>), gcPeakMb };
}

function main(): void {
  const machine = machineInfo();
  console.log(`draw core: ${N} participants, ${REPS} timed run(s)`);
  const inputOnly = million(false);
  const withDraw = million(true);
  const peakHeapMb = Math.max(withDraw.gcPeakMb, withDraw.heapMb.afterDrawBeforeGc);
  console.log(
    `  times ${withDraw.timesMs.join(', ')} ms; peak heap ${peakHeapMb} MB (input alone ${inputOnly.heapMb.withInput} MB); max RSS ${withDraw.maxRssMb} MB`,
  );
  console.log(`algorithmic gap: sizes ${GAP_SIZES.join(', ')}`);
  const gap = measureGap(GAP_SIZES, SMOKE ? 1 : 3, 30_000);
  for (const r of gap)
    console.log(`  n=${r.n}: ES ${r.esMs} ms, roulette ${r.rouletteMs ?? '–'} ms`);
  const last = gap.filter((r) => r.rouletteMs !== null).slice(-2);
  const growth =
    last.length === 2
      ? {
          es: exponent({ n: last[0].n, t: last[0].esMs }, { n: last[1].n, t: last[1].esMs }),
          roulette: exponent(
            { n: last[0].n, t: last[0].rouletteMs ?? 0 },
            { n: last[1].n, t: last[1].rouletteMs ?? 0 },
          ),
        }
      : null;
  const drawMs = median(withDraw.timesMs);
  const raw = { machine, smoke: SMOKE, n: N, inputOnly, withDraw, peakHeapMb, drawMs, gap, growth };
  const md = [
    `# Draw core (ES-SHA256-v1)${SMOKE ? ' (SMOKE RUN: not a measurement)' : ''}`,
    '',
    machineMarkdown(machine),
    '',
    `## ${N.toLocaleString('en')} participants, ${withDraw.spots.toLocaleString('en')} spots (target: < 2 s, < 400 MB heap)`,
    '',
    '| figure | value |',
    '|---|---|',
    `| draw time, median of ${withDraw.timesMs.length} (runs: ${withDraw.timesMs.join(', ')} ms) | **${drawMs} ms** |`,
    `| peak heapUsed of the whole process (inputs included; max of pre-GC sizes and samples) | **${peakHeapMb} MB** |`,
    `| heapUsed with the inputs only, after GC | ${withDraw.heapMb.withInput} MB (a run that only builds them peaks at ${Math.max(inputOnly.gcPeakMb, inputOnly.heapMb.withInput)} MB) |`,
    `| heapUsed with inputs and the result retained, after GC | ${withDraw.heapMb.withResult} MB |`,
    `| peak heap the draw adds over its inputs | ${Math.round((peakHeapMb - withDraw.heapMb.withInput) * 10) / 10} MB |`,
    `| max RSS of the process | ${withDraw.maxRssMb} MB |`,
    '',
    '## ES vs repeated roulette wheel (best of runs)',
    '',
    '| n | ES, whole ejecutarSorteo (ms) | roulette ranking only (ms) | roulette / ES |',
    '|---|---|---|---|',
    ...gap.map(
      (r) =>
        `| ${r.n} | ${r.esMs} | ${r.rouletteMs ?? '– (skipped: previous size over budget)'} | ${r.rouletteMs ? Math.round((r.rouletteMs / r.esMs) * 10) / 10 : '–'} |`,
    ),
    '',
    growth
      ? `Growth exponent between the last two sizes (time ∝ n^k): ES k = ${growth.es}, roulette k = ${growth.roulette}.`
      : '',
    '',
  ].join('\n');
  const files = writeResults('core', SMOKE, md, raw);
  console.log(`results: ${files.md}`);
}

main();
