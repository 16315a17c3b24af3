import { BenchDb } from '../lib/databases';
import { RunningServer, serverEnv, startParkNet } from '../lib/servers';
import { Spot } from '../lib/seed-sorteo';
import { jsonRequest, JsonReply } from './http-json';

export interface DrawRun {
  ms: number;
  status: number;
  responseMb: number;
  peakRssMb: number | null;
  resumen: unknown;
  /** ParkNet's own per-phase line ("[Sorteo] ... preparado en ... aplicado en ..."). */
  log: string;
}

/** A ParkNet started for one measurement, with the admin already logged in. */
export interface ParkNetSession {
  server: RunningServer;
  pedir: (method: string, path: string, body?: unknown) => Promise<JsonReply>;
}

/** Starts a fresh ParkNet on `db`, logs the admin in (its cost is not what is measured), runs `fn`. */
export async function withParkNet<T>(
  db: BenchDb,
  fn: (s: ParkNetSession) => Promise<T>,
): Promise<T> {
  const env = serverEnv(db, 10);
  let server: RunningServer | null = null;
  try {
    server = await startParkNet(env);
    const url = server.url;
    const entrar = () =>
      jsonRequest(url, 'POST', '/auth/login', null, {
        email: env.adminEmail,
        password: env.adminPassword,
      });
    let login = await entrar();
    // On a loaded machine the first requests after a 100,000-row seed may time out (503).
    for (let intento = 1; login.status === 503 && intento < 5; intento++) {
      await new Promise((r) => setTimeout(r, 5000));
      login = await entrar();
    }
    if (login.status !== 200) throw new Error(`admin login answered ${login.status}`);
    const token = (login.body as { accessToken: string }).accessToken;
    return await fn({
      server,
      pedir: (method, path, body) => jsonRequest(url, method, path, token, body),
    });
  } finally {
    await server?.stop();
  }
}

/** The server's log lines that carry `tag` (e.g. `[Sorteo]`). */
export function logLines(server: RunningServer, tag: string): string {
  return server
    .output()
    .split('\n')
    .filter((l) => l.includes(tag))
    .join('\n');
}

/** A fresh ParkNet on `db`, one POST /sorteo/ejecutar timed from request to last byte. */
export function parknetDraw(db: BenchDb, parqueaderos: Spot[]): Promise<DrawRun> {
  return withParkNet(db, async ({ server, pedir }) => {
    const t0 = process.hrtime.bigint();
    const r = await pedir('POST', '/sorteo/ejecutar', {
      nombre: 'Sorteo de referencia',
      parqueaderos,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 201) {
      throw new Error(`POST /sorteo/ejecutar answered ${r.status}: ${JSON.stringify(r.body)}`);
    }
    return {
      ms: Math.round(ms),
      status: r.status,
      responseMb: Math.round((r.bytes / 2 ** 20) * 10) / 10,
      peakRssMb: server.peakRssMb(),
      resumen: (r.body as { resumen?: unknown }).resumen,
      log: logLines(server, '[Sorteo]'),
    };
  });
}
