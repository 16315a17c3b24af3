import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { puertoLibre } from 'src/core/database/free-port';
import { Child, peakRssMb, startChild, TS_NODE_ARGS } from './child';
import { waitForHttp } from './wait';

const ROOT = resolve(__dirname, '..', '..');

/**
 * The node flags `npm start` gives ParkNet (package.json), so the benchmark measures the server as
 * it runs in production: a heap cap keeps V8 from growing far past the live data (a 100,000-
 * participant draw peaked at 645 MB RSS uncapped, 374 MB with a 320 MB cap, in the same time).
 */
function productionNodeArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const m = /^node (.*)dist\/main\.js$/.exec(pkg.scripts.start.trim());
  if (!m) throw new Error('package.json "start" is not `node [flags] dist/main.js`');
  return m[1].split(' ').filter(Boolean);
}

/** Settings both servers get, so they do the same work: same database, key, cost and limits. */
export interface ServerEnv {
  uri: string;
  dbName: string;
  jwtSecret: string;
  adminEmail: string;
  adminPassword: string;
  bcryptRounds: number;
}

/** The servers' settings for one database: a fresh JWT key per run, the bench's admin. */
export function serverEnv(db: { uri: string; dbName: string }, bcryptRounds: number): ServerEnv {
  return {
    uri: db.uri,
    dbName: db.dbName,
    jwtSecret: randomBytes(48).toString('base64'),
    adminEmail: 'administracion@bench.parknet.co',
    adminPassword: 'siete gatos pardos cruzan el puente colgante al amanecer',
    bcryptRounds,
  };
}

export interface RunningServer {
  name: 'parknet' | 'floor';
  url: string;
  pid: number;
  peakRssMb(): number | null;
  /** The last 8 KB the server printed. */
  output(): string;
  stop(): Promise<void>;
}

function env(e: ServerEnv, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    MONGODB_URI: e.uri,
    MONGODB_DB: e.dbName,
    JWT_SECRET: e.jwtSecret,
    ADMIN_EMAIL: e.adminEmail,
    ADMIN_PASSWORD: e.adminPassword,
    BCRYPT_ROUNDS: String(e.bcryptRounds),
    // Successful logins are not counted; the address limit only matters if something fails.
    LOGIN_MAX_FALLOS_IP: '100000',
    // A benchmark is one user firing as fast as it can: the per-user request limit would cut it.
    LIMITE_SOLICITUDES_POR_MINUTO: '1000000',
    // On a loaded machine a start-up read of a large collection can outlast the default 4 s.
    ...(process.env.MONGODB_OPERACION_TIMEOUT_MS
      ? { MONGODB_OPERACION_TIMEOUT_MS: process.env.MONGODB_OPERACION_TIMEOUT_MS }
      : {}),
  };
}

async function started(
  name: RunningServer['name'],
  child: Child,
  port: number,
): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/health`, 60_000);
  } catch (err) {
    await child.stop();
    throw new Error(`${name} did not start: ${(err as Error).message}\n${child.output()}`);
  }
  return {
    name,
    url,
    pid: child.pid,
    peakRssMb: () => peakRssMb(child.pid),
    output: () => child.output(),
    stop: () => child.stop(),
  };
}

/**
 * The compiled ParkNet (`npm run build` first), as it runs in production. Its cwd is an empty
 * temporary folder so that no `.env` of the working copy changes its configuration.
 */
export async function startParkNet(e: ServerEnv): Promise<RunningServer> {
  // BENCH_PARKNET_MAIN measures another build (a copy of dist/ kept aside, say) without rebuilding.
  const main = process.env.BENCH_PARKNET_MAIN ?? join(ROOT, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const port = await puertoLibre();
  const cwd = mkdtempSync(join(tmpdir(), 'parknet-bench-cwd-'));
  // e.g. BENCH_PARKNET_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it under load.
  const nodeArgs = [
    ...productionNodeArgs(),
    ...(process.env.BENCH_PARKNET_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const server = await started(
    'parknet',
    // NODE_PATH lets a build copied outside the repository still find its node_modules.
    startChild(process.execPath, [...nodeArgs, main], {
      cwd,
      env: { ...env(e, port), NODE_PATH: join(ROOT, 'node_modules') },
    }),
    port,
  );
  return {
    ...server,
    stop: async () => {
      await server.stop();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** bench/floor/server.ts: plain node:http + the mongodb driver, same database work per request. */
export async function startFloor(e: ServerEnv): Promise<RunningServer> {
  const port = await puertoLibre();
  const child = startChild(
    process.execPath,
    [...TS_NODE_ARGS, join(ROOT, 'bench', 'floor', 'server.ts')],
    {
      cwd: ROOT,
      env: env(e, port),
    },
  );
  return started('floor', child, port);
}
