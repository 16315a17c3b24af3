import * as bcrypt from 'bcrypt';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { machineInfo, machineMarkdown } from '../lib/machine';
import { envNumber, RESULTS_DIR, SMOKE, writeResults } from '../lib/results';
import { median, round } from '../lib/stats';
import type { HttpRaw } from '../http/report';

const SECONDS = envNumber('BENCH_LOGIN_SECONDS', 10, 2);
const THREADS = Number(process.env.UV_THREADPOOL_SIZE ?? 4);

interface CostRate {
  rounds: number;
  singleMs: number;
  /** Comparisons per second with THREADS comparisons always in flight (libuv thread pool). */
  parallelPerSec: number;
}

/** One bcrypt comparison at a time, then THREADS at a time, each for SECONDS (and bounded in count). */
async function measure(rounds: number): Promise<CostRate> {
  const password = 'siete gatos pardos cruzan el puente colgante al amanecer';
  const hash = await bcrypt.hash(password, rounds);
  const single: number[] = [];
  const stopAt = Date.now() + SECONDS * 500;
  for (let i = 0; i < 200 && (i < 3 || Date.now() < stopAt); i++) {
    const t0 = process.hrtime.bigint();
    await bcrypt.compare(password, hash);
    single.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  let done = 0;
  const t0 = Date.now();
  const end = t0 + SECONDS * 500;
  const worker = async (): Promise<void> => {
    for (let i = 0; i < 10_000 && Date.now() < end; i++) {
      await bcrypt.compare(password, hash);
      done++;
    }
  };
  await Promise.all(Array.from({ length: THREADS }, worker));
  return {
    rounds,
    singleMs: round(median(single), 1),
    parallelPerSec: round(done / ((Date.now() - t0) / 1000), 1),
  };
}

/** The login figures of the newest raw HTTP result, if bench:http has run. */
function latestHttpLogin(): Array<{ db: string; parknet: number; floor: number; p50: number }> {
  try {
    const dir = join(RESULTS_DIR, 'raw');
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(SMOKE ? 'http.smoke-' : 'http-'))
      .sort();
    if (files.length === 0) return [];
    const raw = JSON.parse(readFileSync(join(dir, files[files.length - 1]), 'utf8')) as HttpRaw;
    return raw.results.flatMap((d) =>
      d.scenarios
        .filter((s) => s.scenario.startsWith('POST /auth/login'))
        .map((s) => ({
          db: d.db,
          parknet: s.median.parknet.rps,
          floor: s.median.floor.rps,
          p50: s.median.parknet.p50Ms,
        })),
    );
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const rates: CostRate[] = [];
  for (const r of [10, 12]) {
    rates.push(await measure(r));
    console.log(
      `bcrypt cost ${r}: ${rates[rates.length - 1].singleMs} ms per compare, ${rates[rates.length - 1].parallelPerSec}/s with ${THREADS} in flight`,
    );
  }
  const http = latestHttpLogin();
  const md = [
    `# Login and the bcrypt cost${SMOKE ? ' (SMOKE RUN: not a measurement)' : ''}`,
    '',
    machineMarkdown(machine),
    '',
    `Each successful login is exactly one bcrypt comparison (PasswordHasher.verificar) plus a handful of small queries. bcrypt runs on libuv's thread pool (${THREADS} threads) but is CPU-bound, so with ${cpus().length} cores the ceiling is about cores / (time of one comparison), shared with the server, the database and the load generator.`,
    '',
    '| BCRYPT_ROUNDS | one compare (ms) | compares/s, ' +
      THREADS +
      ' in flight | ceiling = cores / compare (per s) |',
    '|---|---|---|---|',
    ...rates.map(
      (r) =>
        `| ${r.rounds} | ${r.singleMs} | ${r.parallelPerSec} | ${round((cpus().length * 1000) / r.singleMs, 1)} |`,
    ),
    '',
    http.length
      ? [
          'Login rate measured by bench:http (newest raw result, medians):',
          '',
          '| database | ParkNet logins/s | floor logins/s | ParkNet p50 (ms) |',
          '|---|---|---|---|',
          ...http.map((h) => `| ${h.db} | ${h.parknet} | ${h.floor} | ${h.p50} |`),
        ].join('\n')
      : 'No bench:http result yet: run `npm run bench:http` first to compare.',
    '',
  ].join('\n');
  const files = writeResults('login', SMOKE, md, {
    machine,
    smoke: SMOKE,
    threads: THREADS,
    rates,
    http,
  });
  console.log(`results: ${files.md}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
