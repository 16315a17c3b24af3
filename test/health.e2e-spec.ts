import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type request from 'supertest';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { BaseDetenible, baseDetenible } from './support/base-detenible';
import { bearer, loginAdmin, residenteBody } from './support/auth-helpers';

/** Polls /health until it answers 200 or 15 s pass; returns its last answer. */
async function esperarSalud(t: AppDePrueba): Promise<{ status: number; body: unknown }> {
  let ultimo = { status: 0, body: {} as unknown };
  const limite = Date.now() + 15_000;
  while (Date.now() < limite) {
    const res = await t.http.get('/health');
    ultimo = { status: res.status, body: res.body };
    if (res.status === 200) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return ultimo;
}

async function cronometrar<T>(f: () => Promise<T>): Promise<{ valor: T; ms: number }> {
  const inicio = Date.now();
  const valor = await f();
  return { valor, ms: Date.now() - inicio };
}

describe('GET /health (e2e)', () => {
  let t: AppDePrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba();
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('answers 200 {status:ok, db:up} without a token', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });
});

describe('Database outage (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parknet-caida-'));
  let base: BaseDetenible;
  let t: AppDePrueba;
  const uriGlobal = process.env.MONGODB_URI;

  beforeAll(async () => {
    base = await baseDetenible(dir);
    t = await crearAppDePrueba({ MONGODB_URI: base.uri });
  });
  afterAll(async () => {
    base?.descongelar();
    await t?.cerrar();
    await base?.cerrar();
    process.env.MONGODB_URI = uriGlobal;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 within 5 s while the database is down, and recovers without a restart', async () => {
    expect((await t.http.get('/health')).body).toEqual({ status: 'ok', db: 'up' });
    const admin = await loginAdmin(t);
    expect((await t.http.get('/residentes').set(...bearer(admin))).status).toBe(200);

    await base.caer();

    const salud = await cronometrar(() => t.http.get('/health'));
    expect(salud.valor.status).toBe(503);
    expect(salud.valor.body).toEqual({ status: 'error', db: 'down' });
    expect(salud.ms).toBeLessThan(5000);

    const protegida = await cronometrar(() => t.http.get('/residentes').set(...bearer(admin)));
    expect(protegida.valor.status).toBe(503);
    expect(protegida.valor.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'BD_NO_DISPONIBLE',
      message: expect.any(String),
    });
    expect(protegida.valor.headers['retry-after']).toBeDefined();
    expect(protegida.ms).toBeLessThan(5000);

    const login = await cronometrar(() =>
      t.http
        .post('/auth/login')
        .send({ email: 'alguien@parknet.test', password: 'una frase cualquiera larga' }),
    );
    expect(login.valor.status).toBe(503);
    expect(login.valor.body.code).toBe('BD_NO_DISPONIBLE');
    expect(login.ms).toBeLessThan(5000);

    // Concurrent requests during the outage: all bounded, none hangs.
    const varias = await cronometrar(() =>
      Promise.all(Array.from({ length: 5 }, () => t.http.get('/residentes').set(...bearer(admin)))),
    );
    expect(varias.valor.map((r) => r.status)).toEqual(Array<number>(5).fill(503));
    expect(varias.ms).toBeLessThan(5000);

    await base.levantar();

    expect(await esperarSalud(t)).toEqual({ status: 200, body: { status: 'ok', db: 'up' } });
    // The same session works again: its data survived on disk and the app reconnected by itself.
    const tras = await t.http.get('/residentes').set(...bearer(admin));
    expect(tras.status).toBe(200);
    expect((await t.http.get('/auth/me').set(...bearer(admin))).body.email).toBe(
      admin.usuario.email,
    );
  }, 60_000);

  it('answers 503 within 5 s on every path while the database is frozen, and recovers after SIGCONT', async () => {
    const admin = await loginAdmin(t);
    expect((await t.http.get('/residentes').set(...bearer(admin))).status).toBe(200);
    const auth = bearer(admin);
    // One request of each kind: public and protected, reads and writes, the draw's entry point.
    const rutas: Array<[string, () => request.Test]> = [
      ['GET /health', () => t.http.get('/health')],
      ['GET /residentes', () => t.http.get('/residentes').set(...auth)],
      ['GET /auth/me', () => t.http.get('/auth/me').set(...auth)],
      ['GET /solicitudes', () => t.http.get('/solicitudes').set(...auth)],
      ['GET /sorteo/config', () => t.http.get('/sorteo/config').set(...auth)],
      ['GET /sorteo/resultados', () => t.http.get('/sorteo/resultados').set(...auth)],
      [
        'POST /auth/login',
        () =>
          t.http
            .post('/auth/login')
            .send({ email: 'alguien@parknet.test', password: 'una frase cualquiera larga' }),
      ],
      [
        'POST /auth/refresh',
        () => t.http.post('/auth/refresh').send({ refreshToken: admin.refreshToken }),
      ],
      [
        'POST /residentes',
        () =>
          t.http
            .post('/residentes')
            .set(...auth)
            .send(residenteBody()),
      ],
      [
        'POST /sorteo/ejecutar',
        () =>
          t.http
            .post('/sorteo/ejecutar')
            .set(...auth)
            .send({ nombre: 'Congelado', parqueaderos: [{ codigo: 'P-1', tipo: 'carro' }] }),
      ],
    ];

    base.congelar();
    try {
      const respuestas = await Promise.all(
        rutas.map(async ([nombre, pedir]) => {
          const { valor, ms } = await cronometrar(async () => await pedir());
          return { nombre, status: valor.status, code: valor.body.code ?? valor.body.db, ms };
        }),
      );
      expect(respuestas).toHaveLength(rutas.length);
      for (const r of respuestas) {
        expect({ nombre: r.nombre, status: r.status, code: r.code, rapida: r.ms < 5000 }).toEqual({
          nombre: r.nombre,
          status: 503,
          code: r.nombre === 'GET /health' ? 'down' : 'BD_NO_DISPONIBLE',
          rapida: true,
        });
      }
    } finally {
      base.descongelar();
    }

    // No restart: the same app and the same session serve again once the process runs.
    expect(await esperarSalud(t)).toEqual({ status: 200, body: { status: 'ok', db: 'up' } });
    expect((await t.http.get('/residentes').set(...auth)).status).toBe(200);
    expect((await t.http.get('/auth/me').set(...auth)).body.email).toBe(admin.usuario.email);
  }, 60_000);
});
