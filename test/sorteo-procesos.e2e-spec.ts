import { randomBytes } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { estados, parqueaderos, Poblacion } from './sorteo-datos';
import { ServidorHijo } from './sorteo-servidor';
import {
  FASES_DEL_SORTEO,
  faseEn,
  fasesDelRegistro,
  hastaQue,
  instanteDeMuerte,
} from './support/fases-sorteo';
import { vaciarSorteos } from './support/limpieza';

/**
 * The acceptance tests that need real processes: two servers on one database, and a server killed
 * with SIGKILL in the middle of a 20,000-participant draw. Slow by nature (minutes on FerretDB).
 */

const PARTICIPANTES = Number(process.env.SORTEO_PRUEBA_PARTICIPANTES ?? 20_000);
const INTENTOS_KILL = Number(process.env.SORTEO_PRUEBA_KILLS ?? 3);

interface ParticipanteApi {
  solicitudId: string;
  resultado: string;
  parqueadero: string | null;
  posicionEspera: number | null;
}

describe('Sorteo across processes (e2e)', () => {
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  const env = {
    MONGODB_URI: process.env.MONGODB_URI ?? '',
    MONGODB_DB: dbName,
    SORTEO_LATIDO_TIMEOUT_MS: '15000',
    MONGODB_TIMEOUT_MS: '5000',
  };
  const db = { connection: undefined as unknown as Connection };
  const servidores: ServidorHijo[] = [];
  const poblacion = new Poblacion(db);

  function servidor(): ServidorHijo {
    const s = new ServidorHijo(env);
    servidores.push(s);
    return s;
  }

  async function limpiar(): Promise<void> {
    await vaciarSorteos(db.connection);
  }

  const sembrar = (n: number): Promise<string[]> => poblacion.sembrar(n);

  /** API.md: a complete result whose every participant's solicitud matches it, or nothing. */
  async function comprobarTodoONada(
    s: ServidorHijo,
    token: string,
    ids: string[],
  ): Promise<'completo' | 'nada'> {
    const lista = await s.pedir('GET', '/sorteo/resultados', token);
    const solicitudes = await estados(db, ids);
    expect(solicitudes.size).toBe(ids.length);
    const abiertos = await db.connection
      .collection('sorteo_turnos')
      .find({ terminado: false })
      .toArray();
    expect(abiertos).toEqual([]);
    const total = (lista.body.meta as { total: number }).total;
    if (total === 0) {
      for (const sol of solicitudes.values()) {
        expect(sol).toEqual({
          estado: 'aprobada',
          sorteoId: null,
          parqueadero: null,
          posicionEspera: null,
          version: 1,
        });
      }
      // No reservation left behind: the solicitudes can still be cancelled or drawn.
      expect(await db.connection.collection('solicitudes_transiciones').countDocuments({})).toBe(0);
      return 'nada';
    }
    expect(total).toBe(1);
    const id = (lista.body.data as Array<{ id: string }>)[0].id;
    const r = await s.pedir('GET', `/sorteo/resultados/${id}`, token);
    const participantes = r.body.participantes as ParticipanteApi[];
    const excluidas = r.body.excluidas as Array<{ solicitudId: string }>;
    expect(participantes.length + excluidas.length).toBe(ids.length);
    for (const p of participantes) {
      expect(solicitudes.get(p.solicitudId)).toEqual({
        estado: p.resultado,
        sorteoId: id,
        parqueadero: p.parqueadero,
        posicionEspera: p.posicionEspera,
        version: 2,
      });
    }
    for (const e of excluidas) {
      expect(solicitudes.get(e.solicitudId)).toMatchObject({
        estado: 'no_asignada',
        sorteoId: id,
        version: 2,
      });
    }
    const v = await s.pedir('GET', `/sorteo/resultados/${id}/verificar`, token);
    expect(v.body).toEqual({ valido: true, diferencias: [], totalDiferencias: 0 });
    // Recorded once, whoever finished it: the request, or the recovery after the kill.
    const entradas = await db.connection
      .collection('auditoria')
      .find({ accion: 'sorteo.ejecutado', 'recurso.id': id })
      .toArray();
    expect(entradas.map((e) => e.actor)).toEqual([{ id: expect.any(String), rol: 'admin' }]);
    return 'completo';
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

  it('10 concurrent draws split over two server processes: exactly one 201, the others 409', async () => {
    await limpiar();
    const ids = await sembrar(2000);
    const a = servidor();
    await a.iniciar();
    const b = servidor();
    await b.iniciar();
    const token = await a.tokenAdmin();
    const res = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? a : b).pedir('POST', '/sorteo/ejecutar', token, {
          nombre: `Carrera ${i}`,
          parqueaderos: parqueaderos(500, 100, 20),
        }),
      ),
    );
    expect(res.map((r) => r.status).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    for (const r of res.filter((x) => x.status === 409))
      expect(r.body.code).toBe('SORTEO_EN_CURSO');
    const ganador = res.find((r) => r.status === 201)!.body;
    const lista = await b.pedir('GET', '/sorteo/resultados', token);
    expect((lista.body.meta as { total: number }).total).toBe(1);
    const tras = await estados(db, ids);
    expect(tras.size).toBe(ids.length);
    for (const s of tras.values()) expect(s.sorteoId).toBe(ganador.id);
  }, 300_000);

  it(`SIGKILL at random instants during a ${PARTICIPANTES}-participant draw: all or nothing after restart`, async () => {
    // First an uninterrupted draw, to measure each phase here.
    await limpiar();
    let ids = await sembrar(PARTICIPANTES);
    const s = servidor();
    await s.iniciar();
    let token = await s.tokenAdmin();
    const cuerpo = { nombre: 'Grande', parqueaderos: parqueaderos(3000, 1000, 100) };
    const completo = await s.pedir('POST', '/sorteo/ejecutar', token, cuerpo);
    expect(completo.status).toBe(201);
    expect(await comprobarTodoONada(s, token, ids)).toBe('completo');
    const fases = fasesDelRegistro(s.registro());
    expect(fases.map((f) => f.fase)).toEqual([...FASES_DEL_SORTEO]);
    const preparacion = fases.find((f) => f.fase === 'guardar')!.hasta;
    const duracion = fases.at(-1)!.hasta;
    console.log(
      `Sorteo de ${PARTICIPANTES} participantes sin interrupción: ` +
        fases.map((f) => `${f.fase} ${f.ms} ms`).join(', '),
    );

    /**
     * One crash: the server dies at `instante` ms into the draw, or as soon as the database shows
     * the draw reached `punto`. The outcome after a restart must follow the commit point exactly:
     * complete if the decision `confirmar` was stored before the kill, nothing otherwise.
     */
    const intento = async (k: number, muerte: number | 'reservando' | 'confirmado') => {
      await s.detener();
      await limpiar();
      ids = await sembrar(PARTICIPANTES);
      await s.iniciar();
      token = await s.tokenAdmin();
      const inicio = Date.now();
      const pedido = s.pedir('POST', '/sorteo/ejecutar', token, cuerpo).then(
        (r) => r,
        () => null,
      );
      if (typeof muerte === 'number') await new Promise((r) => setTimeout(r, muerte));
      else await hastaQue(muerte === 'reservando' ? reservando : confirmado, pedido);
      const instante = Date.now() - inicio;
      await s.matar();
      const respuesta = await pedido;
      const r = {
        k,
        objetivo: typeof muerte === 'number' ? `${muerte} ms` : muerte,
        instante,
        fase: faseEn(fases, instante),
        cortado: respuesta === null,
        // Reservations on disk: the draw had begun, so a 'nada' means the recovery undid them.
        reservado: await reservando(),
        confirmado: await confirmado(),
        desenlace: '',
        recuperacion: 0,
      };
      const reinicio = Date.now();
      try {
        // An answer that came before the kill is a draw that ended normally.
        if (respuesta) expect(respuesta.status).toBe(201);
        await s.iniciar();
        r.recuperacion = Date.now() - reinicio;
        token = await s.tokenAdmin();
        r.desenlace = await comprobarTodoONada(s, token, ids);
        expect(r.desenlace).toBe(r.confirmado ? 'completo' : 'nada');
      } catch (err) {
        throw new Error(
          `Intento ${JSON.stringify(r)}: ${String(err)}\nRegistro del servidor:\n${s.registro()}`,
        );
      }
      return r;
    };
    const reservando = async (): Promise<boolean> =>
      (await db.connection.collection('solicitudes_transiciones').countDocuments({})) > 0;
    const confirmado = async (): Promise<boolean> =>
      (await db.connection.collection('sorteo_decisiones').countDocuments({ valor: 'confirmar' })) >
      0;

    const resultados: Array<Awaited<ReturnType<typeof intento>>> = [];
    for (let k = 0; k < INTENTOS_KILL; k++)
      resultados.push(await intento(k, instanteDeMuerte(k, INTENTOS_KILL, preparacion, duracion)));
    // Random instants may miss one way of recovering: then crash at that point on purpose.
    const visto = (d: string) =>
      resultados.some((r) => r.cortado && r.reservado && r.desenlace === d);
    if (!visto('nada')) resultados.push(await intento(resultados.length, 'reservando'));
    if (!visto('completo')) resultados.push(await intento(resultados.length, 'confirmado'));
    console.log(
      resultados
        .map(
          (r) =>
            `intento ${r.k} (${r.objetivo}): muerto a los ${r.instante} ms, fase ~${r.fase}, ` +
            `${r.cortado ? 'petición cortada' : 'petición ya respondida'}, ` +
            `${r.reservado ? 'con' : 'sin'} reservas, ` +
            `${r.confirmado ? 'confirmado' : 'sin confirmar'} → ${r.desenlace} ` +
            `(arranque con recuperación ${r.recuperacion} ms)`,
        )
        .join('\n'),
    );
    // Both recoveries were exercised: a draw under way that the kill really cut.
    expect({ nada: visto('nada'), completo: visto('completo') }).toEqual({
      nada: true,
      completo: true,
    });
  }, 1_800_000);
});
