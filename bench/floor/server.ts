import * as bcrypt from 'bcrypt';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { createSecretKey } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { authenticate, AuthSettings, login } from './auth';
import { fail, Outcome, readJson, send } from './http-util';
import { create, list } from './solicitudes';
import { participantes } from './sorteo';

const PARTICIPANTES = /^\/sorteo\/resultados\/([^/]*)\/participantes$/;

/**
 * The floor: the least a server can do to answer ParkNet's benchmarked endpoints with the same
 * database work (queries, indexes, inserts), the same token check and the same JSON. No framework,
 * no validation library, no ODM. Configured by the same environment variables as ParkNet.
 */
async function main(): Promise<void> {
  const env = process.env;
  const client = await MongoClient.connect(env.MONGODB_URI ?? '', {
    serverSelectionTimeoutMS: 3000,
  });
  const db = client.db(env.MONGODB_DB ?? 'parknet');
  const rounds = Number(env.BCRYPT_ROUNDS ?? 12);
  const settings: AuthSettings = {
    key: createSecretKey(Buffer.from(env.JWT_SECRET ?? '', 'utf8')),
    accessTtlSec: Number(env.JWT_ACCESS_TTL ?? 900),
    refreshTtlSec: Number(env.JWT_REFRESH_TTL ?? 2_592_000),
    maxFailuresEmail: Number(env.LOGIN_MAX_FALLOS_EMAIL ?? 10),
    maxFailuresIp: Number(env.LOGIN_MAX_FALLOS_IP ?? 50),
    windowMs: Number(env.LOGIN_VENTANA_MIN ?? 15) * 60_000,
    decoyHash: await bcrypt.hash('senuelo-para-igualar-tiempos', rounds),
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path, query = ''] = (req.url ?? '/').split('?', 2);
    if (req.method === 'GET' && path === '/health')
      return send(res, 200, { status: 'ok', db: 'up' });
    if (req.method === 'POST' && path === '/auth/login') {
      const b = (await readJson(req)) as { email?: unknown; password?: unknown } | null;
      if (typeof b?.email !== 'string' || typeof b.password !== 'string')
        return fail(res, 400, 'VALIDACION');
      const r = await login(
        db,
        settings,
        b.email.trim().toLowerCase(),
        b.password,
        req.socket.remoteAddress ?? '',
      );
      return r.status === 200 ? send(res, 200, r.body) : fail(res, r.status, r.code);
    }
    const sorteoId = req.method === 'GET' ? PARTICIPANTES.exec(path)?.[1] : undefined;
    if (path !== '/solicitudes' && sorteoId === undefined) return fail(res, 404, 'NO_ENCONTRADO');
    // As ParkNet's guard: authentication before any parameter is looked at.
    const caller = await authenticate(db, settings, req.headers.authorization);
    if (!caller) return fail(res, 401, 'NO_AUTENTICADO');
    const q = new URLSearchParams(query);
    let r: Outcome;
    if (sorteoId !== undefined) r = await participantes(db, caller, sorteoId, q);
    else if (req.method === 'GET') r = await list(db, caller, q);
    else r = await create(db, caller, await readJson(req));
    send(res, r.status, r.body);
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) fail(res, 500, 'ERROR_INTERNO');
    });
  });
  server.listen(Number(env.PORT ?? 3000), env.HOST ?? '127.0.0.1');
  const stop = (): void => {
    server.close();
    void client.close();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
