import { ejecutarSorteo } from 'src/modules/sorteo/core/ejecutar-sorteo';
import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { parqueaderos, participants, SEMILLA } from './participants';

/**
 * Child process of core/run.ts (node --expose-gc --trace-gc): the draw over N participants,
 * repeated REPS times. Prints one JSON line prefixed with RESULT; the parent reads the GC trace.
 */
const N = Number(process.env.CORE_N ?? 1_000_000);
const REPS = Number(process.env.CORE_REPS ?? 3);
const SPOTS = Number(process.env.CORE_SPOTS ?? 10_000);
const DRAW = process.env.CORE_DRAW !== '0';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const mb = (b: number): number => Math.round((b / 2 ** 20) * 10) / 10;

gc();
const baseHeap = process.memoryUsage().heapUsed;
const input = participants(N);
const spots = parqueaderos(SPOTS);
gc();
const inputHeap = process.memoryUsage().heapUsed;
// Warm the JIT on a small draw, so the timed runs measure steady-state code.
ejecutarSorteo({
  semilla: SEMILLA,
  participantes: participants(10_000, 7),
  parqueaderos: spots,
  config: CONFIG_PRIORIDAD_POR_DEFECTO,
});
/**
 * One timed draw. Its result dies when this returns: a result kept alive in the caller's loop
 * (V8 may keep the last iteration's value in a register) would make every later run collect
 * over two results instead of one, which is not what a server doing one draw pays.
 */
function timedDraw(): { ms: number; heapAfter: number } {
  const t0 = process.hrtime.bigint();
  const res = ejecutarSorteo({
    semilla: SEMILLA,
    participantes: input,
    parqueaderos: spots,
    config: CONFIG_PRIORIDAD_POR_DEFECTO,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.participantes.length !== N) throw new Error('wrong result size');
  return { ms, heapAfter: process.memoryUsage().heapUsed };
}

/** The heap with one result retained, after GC: what a draw leaves for its caller to persist. */
function retained(): number {
  const res = ejecutarSorteo({
    semilla: SEMILLA,
    participantes: input,
    parqueaderos: spots,
    config: CONFIG_PRIORIDAD_POR_DEFECTO,
  });
  gc?.();
  const heap = process.memoryUsage().heapUsed;
  if (res.participantes.length !== N) throw new Error('wrong result size');
  return heap;
}

const times: number[] = [];
let heapAfterDraw = 0;
for (let r = 0; DRAW && r < REPS; r++) {
  gc();
  const run = timedDraw();
  times.push(run.ms);
  heapAfterDraw = Math.max(heapAfterDraw, run.heapAfter);
}
gc();
const retainedHeap = DRAW ? retained() : 0;
console.log(
  'RESULT ' +
    JSON.stringify({
      n: N,
      spots: SPOTS,
      timesMs: times.map((t) => Math.round(t)),
      heapMb: {
        base: mb(baseHeap),
        withInput: mb(inputHeap),
        afterDrawBeforeGc: mb(heapAfterDraw),
        withResult: mb(retainedHeap),
      },
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
);
