import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const RESULTS_DIR = resolve(__dirname, '..', 'results');

/**
 * `results/<name>.md` (committed; `<name>.smoke.md` for smoke runs) and the raw figures in
 * `results/raw/<name>-<timestamp>.json` (git-ignored).
 */
export function writeResults(
  name: string,
  smoke: boolean,
  markdown: string,
  raw: unknown,
): { md: string; json: string } {
  mkdirSync(join(RESULTS_DIR, 'raw'), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const md = join(RESULTS_DIR, `${name}${smoke ? '.smoke' : ''}.md`);
  const json = join(RESULTS_DIR, 'raw', `${name}${smoke ? '.smoke' : ''}-${stamp}.json`);
  writeFileSync(md, markdown);
  writeFileSync(json, JSON.stringify(raw, null, 2));
  return { md, json };
}

/** Smoke mode (BENCH_SMOKE=1): a few seconds per measurement, for checking that everything runs. */
export const SMOKE = process.env.BENCH_SMOKE === '1';

export function envNumber(name: string, full: number, smoke: number): number {
  const v = process.env[name];
  if (v !== undefined && v !== '') {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
    return n;
  }
  return SMOKE ? smoke : full;
}
