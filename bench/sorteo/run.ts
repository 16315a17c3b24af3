import { join } from 'node:path';
import { startChild, TS_NODE_ARGS } from '../lib/child';
import { BenchDb, DbKind, selectedDbs, startDb } from '../lib/databases';
import { machineInfo } from '../lib/machine';
import { envNumber, SMOKE, writeResults } from '../lib/results';
import { seeded, spots } from '../lib/seed-sorteo';
import { DrawRun, parknetDraw } from './parknet-draw';
import { sorteoMarkdown } from './report';
import type { DbSorteoResult, FloorRun, SizeResult } from './types';

/**
 * The draw at scale (issue 5, item 3): for each N, a fresh database seeded with N approved
 * solicitudes, one POST /sorteo/ejecutar on the compiled ParkNet, then the same N on a fresh
 * database for each floor mode. Spots: N / 10, at most 10,000 (the contract's maximum).
 */

const SIZES = (process.env.BENCH_SORTEO_N ?? (SMOKE ? '1000' : '1000,10000,100000'))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
/** Largest N for FLOOR_MODE=updates per database: N updates cost N collection scans on SQLite. */
const UPDATES_MAX: Record<DbKind, number> = {
  'ferretdb-sqlite': envNumber('BENCH_SORTEO_UPDATES_MAX_SQLITE', 1000, 1000),
  'ferretdb-postgresql': envNumber('BENCH_SORTEO_UPDATES_MAX_PG', 10_000, 1000),
  mongodb: envNumber('BENCH_SORTEO_UPDATES_MAX_MONGO', 100_000, 1000),
};

function floor(db: BenchDb, mode: FloorRun['mode'], spotCount: number): Promise<FloorRun> {
  const child = startChild(process.execPath, [...TS_NODE_ARGS, join(__dirname, 'floor-draw.ts')], {
    cwd: join(__dirname, '..', '..'),
    env: {
      PATH: process.env.PATH,
      MONGODB_URI: db.uri,
      MONGODB_DB: db.dbName,
      FLOOR_MODE: mode,
      FLOOR_SPOTS: String(spotCount),
    },
  });
  return new Promise((resolve, reject) => {
    child.proc.once('exit', (code) => {
      const line = child.output().trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`floor ${mode} failed:\n${child.output()}`));
      try {
        resolve(JSON.parse(line) as FloorRun);
      } catch {
        reject(new Error(`floor ${mode} printed no result:\n${child.output()}`));
      }
    });
  });
}

async function benchSize(kind: DbKind, n: number): Promise<SizeResult> {
  const spotCount = Math.min(10_000, Math.max(1, Math.floor(n / 10)));
  const first = await seeded(kind, n);
  let parknet: DrawRun;
  try {
    console.log(`[${kind}] N=${n}: ParkNet draw (seeded in ${first.seedMs} ms)`);
    parknet = await parknetDraw(first.db, spots(spotCount));
    console.log(`  ParkNet ${parknet.ms} ms, peak RSS ${parknet.peakRssMb} MB`);
  } finally {
    await first.db.stop();
  }
  const floors: FloorRun[] = [];
  const modes: FloorRun['mode'][] = n <= UPDATES_MAX[kind] ? ['replace', 'updates'] : ['replace'];
  for (const mode of modes) {
    const { db } = await seeded(kind, n);
    try {
      const f = await floor(db, mode, spotCount);
      console.log(
        `  floor ${mode} ${f.ms.total} ms (${JSON.stringify(f.ms)}), RSS ${f.maxRssMb} MB`,
      );
      floors.push(f);
    } finally {
      await db.stop();
    }
  }
  return { n, spots: spotCount, seedMs: first.seedMs, parknet, floors };
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const results: DbSorteoResult[] = [];
  for (const kind of selectedDbs()) {
    const probe = await startDb(kind);
    const version = probe.version;
    await probe.stop();
    const sizes: SizeResult[] = [];
    for (const n of SIZES) sizes.push(await benchSize(kind, n));
    results.push({ db: kind, version, sizes });
  }
  const raw = { machine, sizes: SIZES, updatesMax: UPDATES_MAX, smoke: SMOKE, results };
  const files = writeResults('sorteo', SMOKE, sorteoMarkdown(raw), raw);
  console.log(`results: ${files.md}\nraw: ${files.json}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
