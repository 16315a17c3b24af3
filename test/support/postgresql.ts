import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HOST = process.env.PARKNET_TEST_PG_HOST ?? '127.0.0.1';
const PORT = process.env.PARKNET_TEST_PG_PORT ?? '5432';

export interface BasePostgresTemporal {
  url: string;
  version: string;
  borrar(): Promise<void>;
}

/** The first of PGUSER, postgres, root that can connect (trust auth on the loopback). */
async function usuario(): Promise<string> {
  const candidatos = [process.env.PGUSER, 'postgres', 'root'].filter((u): u is string => !!u);
  for (const u of candidatos) {
    try {
      await run('psql', ['-h', HOST, '-p', PORT, '-U', u, '-d', 'postgres', '-Atc', 'select 1']);
      return u;
    } catch {
      // the next candidate
    }
  }
  throw new Error(
    `PARKNET_TEST_BACKEND=postgresql, pero ningún usuario (${candidatos.join(', ')}) se conecta a ` +
      `PostgreSQL en ${HOST}:${PORT} con psql.`,
  );
}

/** A fresh database for one test run, dropped by `borrar`. */
export async function crearBasePostgresTemporal(): Promise<BasePostgresTemporal> {
  const u = await usuario();
  const nombre = `parknet_test_${process.pid}_${Date.now()}`;
  const base = ['-h', HOST, '-p', PORT, '-U', u];
  await run('createdb', [...base, nombre]);
  const { stdout } = await run('psql', [...base, '-d', nombre, '-Atc', 'show server_version']);
  return {
    url: `postgres://${u}@${HOST}:${PORT}/${nombre}`,
    version: stdout.trim(),
    borrar: async () => {
      await run('dropdb', [...base, '--if-exists', '--force', nombre]);
    },
  };
}
