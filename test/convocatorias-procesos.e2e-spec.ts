import { randomBytes } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import {
  CODIGOS_CONGELADA,
  congelados,
  crearConvocatoria,
  ejecutarYVerificar,
  HEX64,
  leerConvocatoria,
  reservas,
  todasAprobadas,
} from './convocatorias-procesos';
import { estados, parqueaderos, Poblacion } from './sorteo-datos';
import { Respuesta, ServidorHijo } from './sorteo-servidor';
import { vaciarSorteos } from './support/limpieza';

/**
 * Closing a convocatoria across two real server processes on one database (API.md: "exclusive
 * across instances"), and a close racing cancellations of the solicitudes it freezes.
 */

const N = 2000;

describe('Convocatorias across processes (e2e)', () => {
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  const env = {
    MONGODB_URI: process.env.MONGODB_URI ?? '',
    MONGODB_DB: dbName,
    SORTEO_LATIDO_TIMEOUT_MS: '15000',
    MONGODB_TIMEOUT_MS: '5000',
    // On SQLite a request waits for the close's bulk writes (one writer at a time): on a loaded
    // CI machine past the 4 s default, which answers 503 (docs/operacion.md). These tests are
    // about who wins, not about latency.
    MONGODB_OPERACION_TIMEOUT_MS: '30000',
  };
  const db = { connection: undefined as unknown as Connection };
  const poblacion = new Poblacion(db);
  const servidores: ServidorHijo[] = [];

  async function dosServidores(): Promise<[ServidorHijo, ServidorHijo]> {
    const a = new ServidorHijo(env);
    const b = new ServidorHijo(env);
    servidores.push(a, b);
    await a.iniciar();
    await b.iniciar();
    return [a, b];
  }

  beforeAll(async () => {
    db.connection = await mongoose.createConnection(env.MONGODB_URI, { dbName }).asPromise();
  });
  afterEach(async () => {
    for (const s of servidores.splice(0)) await s.detener();
  });
  afterAll(async () => {
    await db.connection.dropDatabase().catch(() => undefined);
    await db.connection.close();
  });

  it('two concurrent closes on two server processes: exactly one 200, the other 409; each approved solicitud reserved once', async () => {
    await vaciarSorteos(db.connection);
    const ids = await poblacion.sembrar(N);
    const [a, b] = await dosServidores();
    const token = await a.tokenAdmin();
    const c = await crearConvocatoria(a, token, parqueaderos(500, 100, 20));
    expect(c.estado).toBe('abierta');

    const res = await Promise.all(
      [a, b].map((s) => s.pedir('POST', `/sorteo/convocatorias/${c.id}/cerrar`, token)),
    );
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    const perdedora = res.find((r) => r.status === 409)!;
    expect(CODIGOS_CONGELADA).toContain(perdedora.body.code);

    const cerrada = await leerConvocatoria(b, token, c.id);
    expect(cerrada.estado).toBe('cerrada');
    expect(cerrada.insumosHash).toMatch(HEX64);
    expect(cerrada.compromisoServidor).toMatch(HEX64);
    expect(congelados(cerrada)).toBe(N);
    // The winner answered with what every reader now sees.
    expect(res.find((r) => r.status === 200)!.body).toMatchObject({
      insumosHash: cerrada.insumosHash,
      compromisoServidor: cerrada.compromisoServidor,
    });
    const r = await reservas(db);
    expect(r.size).toBe(N);
    expect([...r.keys()].sort()).toEqual([...ids].sort());
    expect(new Set(r.values()).size).toBe(1);
    await todasAprobadas(db, ids);

    // Closed is closed, on either server.
    for (const s of [a, b]) {
      const otra = await s.pedir('POST', `/sorteo/convocatorias/${c.id}/cerrar`, token);
      expect([otra.status, otra.body.code]).toEqual([409, 'CONVOCATORIA_CERRADA']);
    }
  }, 600_000);

  it('a close racing 20 cancellations: each one before the close (not frozen) or 409 (frozen), and the counts add up', async () => {
    await vaciarSorteos(db.connection);
    const ids = await poblacion.sembrar(N);
    const [a, b] = await dosServidores();
    const token = await a.tokenAdmin();
    // Twenty residents with accounts, each with one approved solicitud (created after the seeded
    // ones, so reserved among the last if the close goes in id order).
    const duenos: Array<{ token: string; solicitudId: string }> = [];
    for (let i = 0; i < 20; i++) {
      const r = await b.residenteActivo(token, { torre: 'R', apartamento: String(700 + i) });
      const s = await b.pedir('POST', '/solicitudes', r.token, {
        vehiculo: { placa: `RAC${String(100 + i)}`, tipo: 'carro' },
      });
      expect(s.status).toBe(201);
      const id = s.body.id as string;
      const ap = await b.pedir('PATCH', `/solicitudes/${id}/estado`, token, { estado: 'aprobada' });
      expect(ap.status).toBe(200);
      duenos.push({ token: r.token, solicitudId: id });
    }

    // One close first, to learn how long one takes here; cancelling it returns everyone.
    const previa = await crearConvocatoria(a, token, parqueaderos(500, 100, 20));
    const t0 = Date.now();
    const cierre0 = await a.pedir('POST', `/sorteo/convocatorias/${previa.id}/cerrar`, token);
    const duracion = Date.now() - t0;
    expect(cierre0.status).toBe(200);
    const cancelada = await a.pedir('POST', `/sorteo/convocatorias/${previa.id}/cancelar`, token, {
      motivo: 'Ensayo del cierre',
    });
    expect(cancelada.status).toBe(200);
    expect((await reservas(db)).size).toBe(0);
    await todasAprobadas(db, [...ids, ...duenos.map((d) => d.solicitudId)]);

    // The race: the close on one server, the cancellations on the other spread from a quarter of
    // a close before it starts to its expected end (the even ones by their owners, the odd ones by
    // the administration), so that some land before the close's turn and some during it.
    const c = await crearConvocatoria(a, token, parqueaderos(500, 100, 20));
    const tras = (ms: number) => new Promise((res) => setTimeout(res, ms));
    const cierre = tras(duracion / 4).then(() =>
      a.pedir('POST', `/sorteo/convocatorias/${c.id}/cerrar`, token),
    );
    const cancelaciones: Array<Promise<Respuesta>> = duenos.map((d, k) =>
      tras((k * duracion * 1.25) / 20).then(() =>
        b.pedir('PATCH', `/solicitudes/${d.solicitudId}/estado`, k % 2 ? token : d.token, {
          estado: 'cancelada',
        }),
      ),
    );
    const [rc, ...rs] = await Promise.all([cierre, ...cancelaciones]);
    expect(rc.status).toBe(200);

    const antes: string[] = [];
    const congeladas: string[] = [];
    for (const [k, r] of rs.entries()) {
      if (r.status === 200) {
        expect(r.body.estado).toBe('cancelada');
        antes.push(duenos[k].solicitudId);
      } else {
        expect(r.status).toBe(409);
        expect(CODIGOS_CONGELADA).toContain(r.body.code);
        congeladas.push(duenos[k].solicitudId);
      }
    }
    console.log(
      `Cierre de ${N + 20} en ${duracion} ms: ${antes.length} cancelaciones antes, ` +
        `${congeladas.length} rechazadas (${rs.map((r) => r.body.code ?? r.status).join(' ')})`,
    );
    expect(antes.length + congeladas.length).toBe(20);

    const cerrada = await leerConvocatoria(a, token, c.id);
    expect(cerrada.estado).toBe('cerrada');
    expect(congelados(cerrada)).toBe(N + congeladas.length);
    const r = await reservas(db);
    expect([...r.keys()].sort()).toEqual([...ids, ...congeladas].sort());
    // Each owner sees their own frozen line exactly when the cancellation was refused.
    for (const d of duenos) {
      const mia = await b.pedir('GET', `/sorteo/convocatorias/${c.id}/mi-participacion`, d.token);
      if (congeladas.includes(d.solicitudId)) {
        expect(mia.status).toBe(200);
        const lineas = mia.body as unknown as Array<{ solicitudId: string }>;
        expect(lineas.map((l) => l.solicitudId)).toEqual([d.solicitudId]);
      } else {
        expect([mia.status, mia.body.code]).toEqual([404, 'NO_ENCONTRADO']);
      }
    }
    const sol = await estados(db, [...antes, ...congeladas]);
    for (const id of antes) expect(sol.get(id)?.estado).toBe('cancelada');
    for (const id of congeladas) expect(sol.get(id)?.estado).toBe('aprobada');

    // The draw runs on exactly the frozen set.
    await ejecutarYVerificar(db, b, token, cerrada, [...ids, ...congeladas]);
  }, 900_000);
});
