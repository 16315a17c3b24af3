import { randomBytes } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { estados, parqueaderos, sembrarAprobadas, sembrarResidentes } from './sorteo-datos';
import { Respuesta, ServidorHijo } from './sorteo-servidor';
import { vaciarSorteos } from './support/limpieza';

/**
 * Renuncias across real processes: 20 at once over two servers, and a stream of renuncias with
 * servers killed by SIGKILL at random instants. 30 carro participants for 20 spots: a waiting list
 * of 10, nobody with a disability and everybody eligible, so the promotions must follow the list.
 */

const KILLS = Number(process.env.RENUNCIAS_PRUEBA_KILLS ?? 3);
const SPOTS = 20;
const PARTICIPANTES = 30;

interface MovApi {
  n: number;
  tipo: string;
  solicitudId: string | null;
  parqueadero: string;
}

describe('Renuncias across processes (e2e)', () => {
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  const env = {
    MONGODB_URI: process.env.MONGODB_URI ?? '',
    MONGODB_DB: dbName,
    SORTEO_LATIDO_TIMEOUT_MS: '15000',
    SORTEO_RENUNCIA_ESPERA_MS: '120000',
    MONGODB_TIMEOUT_MS: '5000',
  };
  const db = { connection: undefined as unknown as Connection };
  const servidores: ServidorHijo[] = [];

  function servidor(): ServidorHijo {
    const s = new ServidorHijo(env);
    servidores.push(s);
    return s;
  }

  /** A fresh draw: returns its id, the holders and the waiting list (in posicionEspera order). */
  async function sortear(s: ServidorHijo, token: string) {
    await vaciarSorteos(db.connection);
    await db.connection.collection('residentes').deleteMany({});
    const residentes = await sembrarResidentes(
      db,
      Array.from({ length: PARTICIPANTES }, (_, i) => ({
        torre: 'R',
        apartamento: String(100 + i),
      })),
    );
    const ids = await sembrarAprobadas(
      db,
      residentes.map((residenteId, i) => ({
        residenteId,
        torre: 'R',
        apartamento: String(100 + i),
        tipo: 'carro' as const,
      })),
    );
    const r = await s.pedir('POST', '/sorteo/ejecutar', token, {
      nombre: 'Renuncias',
      parqueaderos: parqueaderos(SPOTS, 0, 2),
    });
    expect(r.status).toBe(201);
    const participantes = r.body.participantes as Array<{
      solicitudId: string;
      parqueadero: string | null;
      posicionEspera: number | null;
    }>;
    expect(participantes).toHaveLength(ids.length);
    const titulares = participantes.filter((p) => p.parqueadero !== null).map((p) => p.solicitudId);
    const espera = participantes
      .filter((p) => p.posicionEspera !== null)
      .sort((a, b) => a.posicionEspera! - b.posicionEspera!)
      .map((p) => p.solicitudId);
    expect([titulares.length, espera.length]).toEqual([SPOTS, PARTICIPANTES - SPOTS]);
    return { sorteoId: r.body.id as string, ids, titulares, espera };
  }

  /** Every invariant of SORTEO.md's movimientos, in the database and through the API. */
  async function comprobar(
    s: ServidorHijo,
    token: string,
    d: Awaited<ReturnType<typeof sortear>>,
  ): Promise<MovApi[]> {
    const abiertos = await db.connection
      .collection('sorteo_turnos')
      .countDocuments({ terminado: false });
    expect(abiertos).toBe(0);
    const movs = (
      await db.connection.collection('sorteo_movimientos').find({ sorteoId: d.sorteoId }).toArray()
    )
      .map((m) => ({
        n: m.n as number,
        tipo: m.tipo as string,
        solicitudId: m.solicitudId as string | null,
        parqueadero: m.parqueadero as string,
      }))
      .sort((a, b) => a.n - b.n);
    expect(movs.map((m) => m.n)).toEqual(movs.map((_, i) => i + 1));
    const promovidos = movs.filter((m) => m.tipo === 'promocion').map((m) => m.solicitudId);
    expect(new Set(promovidos).size).toBe(promovidos.length);
    // In waiting-list order: the k-th promotion went to the k-th on the list.
    expect(promovidos).toEqual(d.espera.slice(0, promovidos.length));
    const renunciados = movs.filter((m) => m.tipo === 'renuncia').map((m) => m.solicitudId!);
    const vacantes = movs.filter((m) => m.tipo === 'vacante').length;
    // No eligible waiting participant is left while a spot is free.
    if (vacantes > 0) expect(promovidos).toHaveLength(d.espera.length);
    expect(renunciados.length).toBe(promovidos.length + vacantes);

    const sol = await estados(db, d.ids);
    const porSpot = new Map<string, string[]>();
    for (const [id, x] of sol) {
      if (x.estado !== 'asignada') continue;
      porSpot.set(x.parqueadero!, [...(porSpot.get(x.parqueadero!) ?? []), id]);
    }
    for (const [, quienes] of porSpot) expect(quienes).toHaveLength(1);
    expect(porSpot.size).toBe(SPOTS - vacantes);
    for (const id of renunciados) expect(sol.get(id)?.estado).toBe('cancelada');
    // One audit entry per renuncia, whoever finished it (the request, or a recovery after a kill).
    const entradas = await db.connection
      .collection('auditoria')
      .find({ accion: 'sorteo.renuncia', 'recurso.id': d.sorteoId })
      .toArray();
    expect(entradas.map((e) => (e.cambios as { solicitudId: string }).solicitudId).sort()).toEqual(
      [...renunciados].sort(),
    );
    for (const id of promovidos) expect(sol.get(id!)?.estado).toBe('asignada');
    // No solicitud is left reserved (a claim at its next version would block every change).
    const claves = (
      await db.connection
        .collection('solicitudes_transiciones')
        .find({}, { projection: { _id: 1 } })
        .toArray()
    ).map((c) => String(c._id));
    const bloqueadas = [...sol].filter(([id, x]) => claves.includes(`${id}:${x.version + 1}`));
    expect(bloqueadas).toEqual([]);

    const api = await s.pedir(
      'GET',
      `/sorteo/resultados/${d.sorteoId}/movimientos?limit=100`,
      token,
    );
    expect(
      (api.body.data as MovApi[]).map((m) => [m.n, m.tipo, m.solicitudId, m.parqueadero]),
    ).toEqual(movs.map((m) => [m.n, m.tipo, m.solicitudId, m.parqueadero]));
    const v = await s.pedir('GET', `/sorteo/resultados/${d.sorteoId}/verificar`, token);
    expect(v.body).toEqual({ valido: true, diferencias: [], totalDiferencias: 0 });
    return movs;
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

  it('20 concurrent renuncias over two server processes: one spot per holder, the list in order', async () => {
    const a = servidor();
    const b = servidor();
    await Promise.all([a.iniciar(), b.iniciar()]);
    const token = await a.tokenAdmin();
    const d = await sortear(a, token);
    const res = await Promise.all(
      d.titulares.map((id, i) =>
        (i % 2 === 0 ? a : b).pedir('POST', `/sorteo/resultados/${d.sorteoId}/renuncias`, token, {
          solicitudId: id,
        }),
      ),
    );
    expect(res.map((r) => r.status)).toEqual(Array<number>(SPOTS).fill(201));
    const movs = await comprobar(a, token, d);
    expect(movs.filter((m) => m.tipo === 'promocion')).toHaveLength(PARTICIPANTES - SPOTS);
    expect(movs.filter((m) => m.tipo === 'vacante')).toHaveLength(SPOTS - (PARTICIPANTES - SPOTS));
  }, 600_000);

  it(`SIGKILL at random instants during a stream of renuncias (${KILLS} kills)`, async () => {
    const s = servidor();
    await s.iniciar();
    let token = await s.tokenAdmin();
    const d = await sortear(s, token);
    const pendientes = [...d.titulares];
    const resultados: string[] = [];
    /** Renounces the holders one after another (two at a time) until the server dies. */
    const corriente = async (): Promise<void> => {
      const uno = async (): Promise<void> => {
        for (let id = pendientes.shift(); id !== undefined; id = pendientes.shift()) {
          let r: Respuesta;
          try {
            r = await s.pedir('POST', `/sorteo/resultados/${d.sorteoId}/renuncias`, token, {
              solicitudId: id,
            });
          } catch {
            pendientes.unshift(id); // The server died: retried after the restart.
            return;
          }
          // 409 NO_ASIGNADA: a renuncia cut by the kill that the recovery completed.
          expect([201, 409]).toContain(r.status);
          if (r.status === 409) expect(r.body.code).toBe('NO_ASIGNADA');
          resultados.push(`${r.status}`);
        }
      };
      await Promise.all([uno(), uno()]);
    };
    for (let k = 0; k < KILLS && pendientes.length > 0; k++) {
      const flujo = corriente();
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 1500));
      await s.matar();
      await flujo;
      await s.iniciar();
      token = await s.tokenAdmin();
      await comprobar(s, token, d);
    }
    await corriente();
    expect(pendientes).toEqual([]);
    const movs = await comprobar(s, token, d);
    expect(movs.filter((m) => m.tipo === 'renuncia')).toHaveLength(SPOTS);
    console.log(`Renuncias con ${KILLS} caídas: ${resultados.join(' ')}`);
  }, 900_000);
});
