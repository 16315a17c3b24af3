import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { ServidorHijo } from './sorteo-servidor';

const ESCRITURAS = 50;

/**
 * Two server processes on one database, writing at once: each entry's n is won by an insert, so
 * the chain has every n once, no gap, and verifies, whichever process wrote which entry.
 */
describe('The audit chain across two processes (e2e)', () => {
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  const env = { MONGODB_URI: process.env.MONGODB_URI ?? '', MONGODB_DB: dbName };
  let db: Connection;
  const servidores = [new ServidorHijo(env), new ServidorHijo(env)];

  beforeAll(async () => {
    db = await mongoose.createConnection(env.MONGODB_URI, { dbName }).asPromise();
    await servidores[0].iniciar();
    await servidores[1].iniciar();
  }, 400_000);
  afterAll(async () => {
    await Promise.all(servidores.map((s) => s.detener()));
    await db.dropDatabase().catch(() => undefined);
    await db.close();
  });

  it(`gives ${ESCRITURAS} concurrent writes split over both entries 1..N, no gap, no duplicate, a valid chain`, async () => {
    const tokens = await Promise.all(servidores.map((s) => s.tokenAdmin()));
    const respuestas = await Promise.all(
      Array.from({ length: ESCRITURAS }, (_, i) =>
        servidores[i % 2].pedir('POST', '/parqueaderos', tokens[i % 2], {
          codigo: `PROC-${i}`,
          tipo: i % 3 === 0 ? 'moto' : 'carro',
        }),
      ),
    );
    expect(respuestas.map((r) => r.status)).toEqual(Array(ESCRITURAS).fill(201));

    const guardadas = await db
      .collection<{ _id: string; n: number; accion: string; recurso: { id: string } }>('auditoria')
      .find({})
      .toArray();
    const ns = guardadas.map((e) => e.n).sort((a, b) => a - b);
    expect(ns).toEqual(Array.from({ length: ns.length }, (_, i) => i + 1));
    expect(guardadas.every((e) => e._id === String(e.n))).toBe(true);
    const creados = guardadas.filter((e) => e.accion === 'parqueadero.creado');
    expect(new Set(creados.map((e) => e.recurso.id)).size).toBe(ESCRITURAS);

    for (const [i, s] of servidores.entries()) {
      const v = await s.pedir('GET', '/auditoria/verificar', tokens[i]);
      expect(v.body).toEqual({ valido: true, entradas: ns.length, primerError: null });
      // Each process lists what the other wrote too.
      const l = await s.pedir('GET', '/auditoria?accion=parqueadero.creado&limit=100', tokens[i]);
      expect((l.body.meta as { total: number }).total).toBe(ESCRITURAS);
    }
    // The revisor's offline check, reading the log through the API by pages.
    const script = spawnSync(
      process.execPath,
      [
        'scripts/verificar-auditoria.mjs',
        '--url',
        `http://127.0.0.1:${servidores[1].port}`,
        '--token',
        tokens[1],
      ],
      { encoding: 'utf8' },
    );
    expect(script.stdout).toContain(`Cadena válida: ${ns.length} entradas.`);
    expect(script.status).toBe(0);
  }, 120_000);
});
