import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HOST = process.env.BENCH_PG_HOST ?? '127.0.0.1';
const PORT = process.env.BENCH_PG_PORT ?? '5432';

export interface TempPgDatabase {
  url: string;
  name: string;
  version: string;
  drop(): Promise<void>;
}

async function pickUser(): Promise<string> {
  const candidates = [process.env.BENCH_PG_USER, 'postgres', 'root'].filter(
    (u): u is string => !!u,
  );
  for (const user of candidates) {
    try {
      await run('psql', ['-h', HOST, '-p', PORT, '-U', user, '-d', 'postgres', '-Atc', 'select 1']);
      return user;
    } catch {
      // try the next user
    }
  }
  throw new Error(
    `No PostgreSQL user among ${candidates.join(', ')} can connect to ${HOST}:${PORT}`,
  );
}

/** A fresh database for one run (trust auth on localhost), dropped afterwards. */
export async function createTempPgDatabase(): Promise<TempPgDatabase> {
  const user = await pickUser();
  const name = `parknet_bench_${process.pid}_${Date.now()}`;
  const base = ['-h', HOST, '-p', PORT, '-U', user];
  await run('createdb', [...base, name]);
  const { stdout } = await run('psql', [...base, '-d', name, '-Atc', 'show server_version']);
  return {
    url: `postgres://${user}@${HOST}:${PORT}/${name}`,
    name,
    version: stdout.trim(),
    drop: async () => {
      await run('dropdb', [...base, '--if-exists', name]);
    },
  };
}
