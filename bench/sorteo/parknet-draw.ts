import { BenchDb } from '../lib/databases';
import { RunningServer, serverEnv, startParkNet } from '../lib/servers';
import { Spot } from '../lib/seed-sorteo';
import { jsonRequest } from './http-json';

export interface DrawRun {
  ms: number;
  status: number;
  responseMb: number;
  peakRssMb: number | null;
  resumen: unknown;
  /** ParkNet's own per-phase line ("[Sorteo] ... preparado en ... aplicado en ..."). */
  log: string;
}

/** A fresh ParkNet on `db`, one POST /sorteo/ejecutar timed from request to last byte. */
export async function parknetDraw(db: BenchDb, parqueaderos: Spot[]): Promise<DrawRun> {
  // One login: its cost is not what this measures.
  const env = serverEnv(db, 10);
  let server: RunningServer | null = null;
  try {
    server = await startParkNet(env);
    const login = await jsonRequest(server.url, 'POST', '/auth/login', null, {
      email: env.adminEmail,
      password: env.adminPassword,
    });
    if (login.status !== 200) throw new Error(`admin login answered ${login.status}`);
    const token = (login.body as { accessToken: string }).accessToken;
    const t0 = process.hrtime.bigint();
    const r = await jsonRequest(server.url, 'POST', '/sorteo/ejecutar', token, {
      nombre: 'Sorteo de referencia',
      parqueaderos,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 201) {
      throw new Error(`POST /sorteo/ejecutar answered ${r.status}: ${JSON.stringify(r.body)}`);
    }
    const log = server
      .output()
      .split('\n')
      .filter((l) => l.includes('[Sorteo]'))
      .join('\n');
    return {
      ms: Math.round(ms),
      status: r.status,
      responseMb: Math.round((r.bytes / 2 ** 20) * 10) / 10,
      peakRssMb: server.peakRssMb(),
      resumen: (r.body as { resumen?: unknown }).resumen,
      log,
    };
  } finally {
    await server?.stop();
  }
}
