import { ejecutarSorteo } from 'src/modules/sorteo/core/ejecutar-sorteo';
import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { calcularPeso } from 'src/modules/sorteo/core/peso';
import { parqueaderos, participants, prng, SEMILLA } from './participants';
import { rouletteRanking } from './roulette';

export interface GapRow {
  n: number;
  esMs: number;
  rouletteMs: number | null;
}

function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * ES (the whole ejecutarSorteo: hashing, weights, stages, spots, input hash) against a bare
 * roulette-wheel ranking of the same participants. Sizes grow until the roulette passes
 * `budgetMs` for one run; best of `reps` runs each, bounded in count.
 */
export function measureGap(sizes: number[], reps: number, budgetMs: number): GapRow[] {
  const rows: GapRow[] = [];
  let rouletteOn = true;
  for (const n of sizes) {
    const input = participants(n, n);
    const spots = parqueaderos(Math.max(1, Math.floor(n / 4)));
    const pesos = input.map((p) => calcularPeso(p, CONFIG_PRIORIDAD_POR_DEFECTO.pesos));
    let es = Infinity;
    let roulette = Infinity;
    for (let r = 0; r < reps; r++) {
      es = Math.min(
        es,
        timeMs(() =>
          ejecutarSorteo({
            semilla: SEMILLA,
            participantes: input,
            parqueaderos: spots,
            config: CONFIG_PRIORIDAD_POR_DEFECTO,
          }),
        ),
      );
      if (rouletteOn)
        roulette = Math.min(
          roulette,
          timeMs(() => rouletteRanking(pesos, prng(r + 1))),
        );
    }
    rows.push({
      n,
      esMs: Math.round(es * 100) / 100,
      rouletteMs: rouletteOn ? Math.round(roulette * 100) / 100 : null,
    });
    if (roulette > budgetMs) rouletteOn = false;
  }
  return rows;
}

/** Growth exponent between two sizes: time ∝ n^k. ~1 is linear / n log n, ~2 quadratic. */
export function exponent(a: { n: number; t: number }, b: { n: number; t: number }): number {
  return Math.round((Math.log(b.t / a.t) / Math.log(b.n / a.n)) * 100) / 100;
}
