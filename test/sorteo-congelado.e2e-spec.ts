import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estados, parqueaderos, sembrarParticipantes } from './sorteo-datos';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { bearer, loginAdmin } from './support/auth-helpers';
import { BaseDetenible, baseDetenible } from './support/base-detenible';

const PARTICIPANTES = 3000;

async function hasta(condicion: () => Promise<boolean>, ms: number): Promise<boolean> {
  const limite = Date.now() + ms;
  while (Date.now() < limite) {
    if (await condicion()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * A draw whose database freezes (SIGSTOP) mid-way is cut by the driver's time limits instead of
 * waiting forever; once the database runs again, the same process finishes or undoes it like after
 * a crash, and draws again without a restart.
 */
describe('Draw with a frozen database (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parknet-congelado-'));
  let base: BaseDetenible;
  let t: AppDePrueba;
  const uriGlobal = process.env.MONGODB_URI;

  beforeAll(async () => {
    base = await baseDetenible(dir);
    t = await crearAppDePrueba({
      MONGODB_URI: base.uri,
      // Small enough that a frozen bulk command is cut soon, ample for 3,000 participants even
      // on FerretDB/PostgreSQL while other suites load the machine (10 s was not, once in CI).
      SORTEO_OPERACION_TIMEOUT_MS: '20000',
      SORTEO_LATIDO_TIMEOUT_MS: '3000',
      SORTEO_PARTICIPANTES_POR_BLOQUE: '200',
    });
  });
  afterAll(async () => {
    base?.descongelar();
    await t?.cerrar();
    await base?.cerrar();
    process.env.MONGODB_URI = uriGlobal;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503, then leaves all or nothing once the database runs again, and draws again', async () => {
    const admin = await loginAdmin(t);
    const { solicitudes: ids } = await sembrarParticipantes(t, PARTICIPANTES);
    expect(ids).toHaveLength(PARTICIPANTES);
    const turnos = t.connection.collection('sorteo_turnos');
    const cuerpo = { nombre: 'Congelado', parqueaderos: parqueaderos(800, 200) };

    const sorteo = t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send(cuerpo)
      .then((r) => r);
    // Freeze once the draw holds its turn, i.e. while it works.
    expect(
      await hasta(async () => (await turnos.countDocuments({ tipo: 'sorteo' })) > 0, 30_000),
    ).toBe(true);
    base.congelar();
    let respuesta: Awaited<typeof sorteo>;
    try {
      respuesta = await sorteo;
    } finally {
      base.descongelar();
    }
    expect(respuesta.status).toBe(503);
    expect(respuesta.body.code).toBe('BD_NO_DISPONIBLE');

    // The same process recovers its own abandoned turn (no restart, no other draw needed). On
    // failure the turns and decisions say where the recovery stopped.
    const recuperado = await hasta(
      async () => (await turnos.countDocuments({ terminado: false })) === 0,
      120_000,
    );
    if (!recuperado) {
      const estado = {
        turnos: await turnos.find({}).toArray(),
        decisiones: await t.connection.collection('sorteo_decisiones').find({}).toArray(),
      };
      throw new Error(`La recuperación no terminó: ${JSON.stringify(estado)}`);
    }
    const lista = await t.http.get('/sorteo/resultados').set(...bearer(admin));
    expect(lista.status).toBe(200);
    // The whole collection holds just these: no 3,000-id `$in` to scan with.
    const solicitudes = await estados(t);
    expect(solicitudes.size).toBe(PARTICIPANTES);
    const cambiadas = [...solicitudes.values()].filter((s) => s.version !== 1);
    if (lista.body.meta.total === 0) {
      // Undone: every solicitud approved again, no reservation left behind.
      expect(cambiadas).toEqual([]);
      for (const s of solicitudes.values()) expect(s.estado).toBe('aprobada');
      expect(await t.connection.collection('solicitudes_transiciones').countDocuments({})).toBe(0);
    } else {
      // Completed: one visible draw, and every solicitud carries its outcome.
      expect(lista.body.meta.total).toBe(1);
      const id = lista.body.data[0].id as string;
      expect(cambiadas).toHaveLength(PARTICIPANTES);
      for (const s of solicitudes.values()) expect(s.sorteoId).toBe(id);
      const v = await t.http.get(`/sorteo/resultados/${id}/verificar`).set(...bearer(admin));
      expect(v.body).toEqual({ valido: true, diferencias: [], totalDiferencias: 0 });
    }

    // A draw is possible again on the same process: the lock was released.
    const otra = await sembrarParticipantes(t, 50, { torre: 'N' });
    expect(otra.solicitudes).toHaveLength(50);
    const nuevo = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send(cuerpo);
    expect(nuevo.status).toBe(201);
  }, 240_000);
});
