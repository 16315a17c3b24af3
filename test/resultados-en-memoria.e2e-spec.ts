import { randomBytes } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { parqueaderos, sembrarAprobadas, sembrarResidentes } from './sorteo-datos';
import { ServidorHijo } from './sorteo-servidor';

/**
 * The results a server keeps in memory (docs/lecturas-residentes.md), across two processes: what
 * one server changes (a renuncia, the annulment) shows on the other's next read of a result it
 * had cached; two residents reading the same cached result each see only their own unit whole;
 * the ETag answers 304 and changes with the result.
 */

interface Participante {
  unidad: { torre: string; apartamento: string };
  resultado: string;
  [campo: string]: unknown;
}

const PUBLICOS = ['parqueadero', 'posicionEspera', 'resultado', 'tipoVehiculo', 'unidad'];

async function leer(s: ServidorHijo, ruta: string, token: string, etag?: string) {
  const r = await fetch(`http://127.0.0.1:${s.port}${ruta}`, {
    headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
  });
  const texto = await r.text();
  return {
    status: r.status,
    etag: r.headers.get('etag'),
    body: (texto ? JSON.parse(texto) : null) as Record<string, unknown> | unknown[] | null,
  };
}

/** The caller's own unit whole (and only it), everyone else's public fields only. */
function propiosDe(participantes: Participante[], apartamento: string): Participante[] {
  const propios = participantes.filter((p) => p.unidad.apartamento === apartamento);
  for (const p of participantes) {
    if (p.unidad.apartamento === apartamento) {
      expect(p).toEqual(
        expect.objectContaining({ solicitudId: expect.any(String), peso: expect.any(Number) }),
      );
      expect(p).not.toHaveProperty('residente');
    } else {
      expect(Object.keys(p).sort()).toEqual(PUBLICOS);
    }
  }
  return propios;
}

describe('Results in memory across processes (e2e)', () => {
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  const env = {
    MONGODB_URI: process.env.MONGODB_URI ?? '',
    MONGODB_DB: dbName,
    MONGODB_TIMEOUT_MS: '5000',
  };
  const db = { connection: undefined as unknown as Connection };
  const servidores: ServidorHijo[] = [];

  beforeAll(async () => {
    db.connection = await mongoose.createConnection(env.MONGODB_URI, { dbName }).asPromise();
  });
  afterAll(async () => {
    for (const s of servidores.splice(0)) await s.detener();
    await db.connection.dropDatabase().catch(() => undefined);
    await db.connection.close();
  });

  it('a renuncia and an annulment on one server are seen by the other; no resident sees another', async () => {
    const a = new ServidorHijo(env);
    const b = new ServidorHijo(env);
    servidores.push(a, b);
    await Promise.all([a.iniciar(), b.iniciar()]);
    const admin = await a.tokenAdmin();
    const x = await a.residenteActivo(admin, { torre: 'R', apartamento: '701' });
    const y = await a.residenteActivo(admin, { torre: 'R', apartamento: '702' });
    const otros = await sembrarResidentes(
      db,
      ['703', '704', '705'].map((apartamento) => ({ torre: 'R', apartamento })),
    );
    const duenos = [x.id, y.id, ...otros];
    const solicitudes = await sembrarAprobadas(
      db,
      duenos.map((residenteId, i) => ({
        residenteId,
        torre: 'R',
        apartamento: String(701 + i),
        tipo: 'carro' as const,
      })),
    );
    // Five participants for four spots: of x and y at least one is assigned.
    const r = await a.pedir('POST', '/sorteo/ejecutar', admin, {
      nombre: 'Día de resultados',
      parqueaderos: parqueaderos(4, 0),
    });
    expect(r.status).toBe(201);
    const id = r.body.id as string;
    const ruta = `/sorteo/resultados/${id}`;

    // b caches the result, then serves both residents from that one copy.
    const vx = await leer(b, ruta, x.token);
    const vy = await leer(b, ruta, y.token);
    expect([vx.status, vy.status]).toEqual([200, 200]);
    const propiosX = propiosDe((vx.body as { participantes: Participante[] }).participantes, '701');
    const propiosY = propiosDe((vy.body as { participantes: Participante[] }).participantes, '702');
    expect([propiosX.length, propiosY.length]).toEqual([1, 1]);
    expect(vx.etag).toMatch(/^".+"$/);
    expect(vx.etag).not.toBe(vy.etag);
    expect((await leer(b, ruta, x.token, vx.etag!)).status).toBe(304);
    expect((await leer(b, ruta, x.token, vx.etag!)).body).toBeNull();
    // Another resident's tag is not this resident's body.
    expect((await leer(b, ruta, y.token, vx.etag!)).status).toBe(200);
    const pagina = await leer(b, `${ruta}/participantes?limit=50`, y.token);
    expect(pagina.status).toBe(200);
    expect(propiosDe((pagina.body as { data: Participante[] }).data, '702')).toHaveLength(1);

    const [token, solicitudId, apartamento, previo] =
      propiosX[0].resultado === 'asignada'
        ? [x.token, solicitudes[0], '701', vx]
        : [y.token, solicitudes[1], '702', vy];
    const antes = await leer(b, '/sorteo/mi-asignacion', token);
    expect((antes.body as Array<{ resultado: string }>).map((m) => m.resultado)).toEqual([
      'asignada',
    ]);

    const renuncia = await a.pedir('POST', `${ruta}/renuncias`, admin, { solicitudId });
    expect(renuncia.status).toBe(201);
    const tras = await leer(b, ruta, token, previo.etag!);
    expect(tras.status).toBe(200);
    expect(tras.etag).not.toBe(previo.etag);
    const propio = propiosDe(
      (tras.body as { participantes: Participante[] }).participantes,
      apartamento,
    );
    expect(propio.map((p) => p.resultado)).toEqual(['no_asignada']);
    const paginaTras = await leer(b, `${ruta}/participantes?limit=50`, token);
    expect(
      propiosDe((paginaTras.body as { data: Participante[] }).data, apartamento).map(
        (p) => p.resultado,
      ),
    ).toEqual(['no_asignada']);
    const mia = await leer(b, '/sorteo/mi-asignacion', token);
    expect((mia.body as Array<{ resultado: string }>).map((m) => m.resultado)).toEqual([
      'no_asignada',
    ]);

    const anulacion = await a.pedir('POST', `${ruta}/anular`, admin, {
      motivo: 'Prueba de anulación',
    });
    expect(anulacion.status).toBe(200);
    const anulado = await leer(b, ruta, token, tras.etag!);
    expect(anulado.status).toBe(200);
    expect(anulado.etag).not.toBe(tras.etag);
    expect((anulado.body as { anulado: unknown }).anulado).toEqual(
      expect.objectContaining({ motivo: 'Prueba de anulación' }),
    );
    expect((await leer(b, '/sorteo/mi-asignacion', token)).body).toEqual([]);
  }, 600_000);
});
