import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { puertoLibre } from 'src/core/database/free-port';
import { startChild } from './child';
import { createTempPgDatabase } from './postgres';
import { waitForPort } from './port';

export type DbKind = 'ferretdb-sqlite' | 'ferretdb-postgresql' | 'mongodb';

/** A database server for one run: its URI, a fresh database name, and how to tear it all down. */
export interface BenchDb {
  kind: DbKind;
  uri: string;
  dbName: string;
  version: string;
  stop(): Promise<void>;
}

const FERRETDB_BIN =
  process.env.FERRETDB_BIN ??
  resolve(__dirname, '..', '..', '.cache', 'ferretdb', 'bin', 'ferretdb');

function ferretVersion(): string {
  const out = execFileSync(FERRETDB_BIN, ['--version'], { encoding: 'utf8' });
  return /version:\s*(\S+)/.exec(out)?.[1] ?? out.split('\n')[0];
}

async function startFerret(
  kind: DbKind,
  backendArgs: string[],
  cleanup: () => Promise<void>,
  extra: string,
): Promise<BenchDb> {
  const stateDir = mkdtempSync(join(tmpdir(), 'parknet-bench-ferret-state-'));
  const port = await puertoLibre();
  const child = startChild(
    FERRETDB_BIN,
    [
      ...backendArgs,
      `--state-dir=${stateDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    {},
  );
  const stop = async (): Promise<void> => {
    await child.stop();
    rmSync(stateDir, { recursive: true, force: true });
    await cleanup();
  };
  try {
    await waitForPort(port, 15_000);
  } catch (err) {
    await stop();
    throw new Error(
      `FerretDB (${kind}) did not start: ${(err as Error).message}\n${child.output()}`,
    );
  }
  return {
    kind,
    uri: `mongodb://127.0.0.1:${port}/`,
    dbName: 'parknet_bench',
    version: `FerretDB ${ferretVersion()} ${extra}`,
    stop,
  };
}

export async function startFerretSqlite(): Promise<BenchDb> {
  const dir = mkdtempSync(join(tmpdir(), 'parknet-bench-sqlite-'));
  return startFerret(
    'ferretdb-sqlite',
    ['--handler=sqlite', `--sqlite-url=file:${dir}/`],
    async () => rmSync(dir, { recursive: true, force: true }),
    '(SQLite)',
  );
}

export async function startFerretPostgres(): Promise<BenchDb> {
  const pg = await createTempPgDatabase();
  try {
    return await startFerret(
      'ferretdb-postgresql',
      ['--handler=postgresql', `--postgresql-url=${pg.url}`],
      () => pg.drop(),
      `(PostgreSQL ${pg.version})`,
    );
  } catch (err) {
    await pg.drop();
    throw err;
  }
}

/** An existing MongoDB from MONGODB_URI; the run uses (and then drops) a database of its own. */
export async function useMongo(uri: string): Promise<BenchDb> {
  const dbName = `parknet_bench_${process.pid}_${Date.now()}`;
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    const info = await client.db(dbName).command({ buildInfo: 1 });
    const version = `MongoDB ${String(info.version)}`;
    return {
      kind: 'mongodb',
      uri,
      dbName,
      version,
      stop: async () => {
        const c = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 });
        await c.db(dbName).dropDatabase();
        await c.close();
      },
    };
  } finally {
    await client.close();
  }
}

/** BENCH_DBS (comma-separated kinds) or every backend available: both FerretDB ones, MongoDB with MONGODB_URI. */
export function selectedDbs(): DbKind[] {
  const all: DbKind[] = ['ferretdb-sqlite', 'ferretdb-postgresql'];
  if (process.env.MONGODB_URI) all.push('mongodb');
  const wanted = process.env.BENCH_DBS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return wanted ? all.filter((k) => wanted.includes(k)) : all;
}

export function startDb(kind: DbKind): Promise<BenchDb> {
  if (kind === 'ferretdb-sqlite') return startFerretSqlite();
  if (kind === 'ferretdb-postgresql') return startFerretPostgres();
  return useMongo(process.env.MONGODB_URI ?? '');
}
