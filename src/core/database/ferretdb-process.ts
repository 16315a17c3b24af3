import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { puertoLibre } from './free-port';

/** Where `npm run ferretdb:install` puts the binary (scripts/install-ferretdb.sh). */
export const FERRETDB_LOCAL = resolve(
  __dirname,
  '..',
  '..',
  '..',
  '.cache',
  'ferretdb',
  'bin',
  'ferretdb',
);

function ejecutable(ruta: string): boolean {
  try {
    accessSync(ruta, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** FERRETDB_BIN, then the project's own install, then PATH. */
export function buscarFerretDb(explicito?: string): string | undefined {
  if (explicito) return ejecutable(explicito) ? explicito : undefined;
  const candidatos = [
    FERRETDB_LOCAL,
    resolve(process.cwd(), '.cache', 'ferretdb', 'bin', 'ferretdb'),
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d) => join(d, 'ferretdb')),
  ];
  return candidatos.find(ejecutable);
}

function esperarPuerto(port: number, hijo: ChildProcess, timeoutMs: number): Promise<void> {
  const limite = Date.now() + timeoutMs;
  return new Promise((res, rej) => {
    const intentar = (): void => {
      if (hijo.exitCode !== null) {
        rej(new Error(`FerretDB terminó al iniciar (código ${hijo.exitCode}).`));
        return;
      }
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        res();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > limite) rej(new Error(`FerretDB no abrió el puerto ${port} a tiempo.`));
        else setTimeout(intentar, 50);
      });
    };
    intentar();
  });
}

export interface ProcesoFerretDb {
  uri: string;
  pid: number;
  detener(): Promise<void>;
}

/**
 * Starts FerretDB on SQLite in `dir` (data and state live there), or on the PostgreSQL database
 * `postgresqlUrl` (then only its state lives in `dir`). Each process gets its own port and no debug
 * listener: the default debug port 8088 collides between instances. `puerto` lets a restart come
 * back where clients already point (the outage e2e test relies on it).
 */
export async function iniciarFerretDb(
  bin: string,
  dir: string,
  puerto?: number,
  postgresqlUrl?: string,
): Promise<ProcesoFerretDb> {
  const datos = join(dir, 'sqlite');
  const estado = join(dir, 'state');
  if (!postgresqlUrl) mkdirSync(datos, { recursive: true });
  mkdirSync(estado, { recursive: true });
  const port = puerto ?? (await puertoLibre());
  const backend = postgresqlUrl
    ? ['--handler=postgresql', `--postgresql-url=${postgresqlUrl}`]
    : ['--handler=sqlite', `--sqlite-url=file:${datos}/`];
  const hijo = spawn(
    bin,
    [
      ...backend,
      `--state-dir=${estado}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    // stderr is read, not inherited: an inherited pipe would keep the parent's output open forever.
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errores = '';
  hijo.stderr?.on('data', (b: Buffer) => {
    errores = (errores + b.toString()).slice(-2000);
  });
  try {
    await esperarPuerto(port, hijo, 15000);
  } catch (err) {
    hijo.kill('SIGKILL');
    throw new Error(`${(err as Error).message} ${errores.trim()}`.trim());
  }
  const detener = (): Promise<void> =>
    new Promise((res) => {
      if (hijo.exitCode !== null || hijo.signalCode !== null) return res();
      hijo.once('exit', () => res());
      hijo.kill('SIGTERM');
      setTimeout(() => hijo.kill('SIGKILL'), 5000).unref();
    });
  return { uri: `mongodb://127.0.0.1:${port}/`, pid: hijo.pid ?? -1, detener };
}
