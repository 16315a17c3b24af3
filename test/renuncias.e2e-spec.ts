import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRADA_VECTOR } from 'src/modules/sorteo/core/vector-prueba';
import { RelojSorteo } from 'src/modules/sorteo/reloj-sorteo';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, loginAdmin } from './support/auth-helpers';
import { vaciarSorteos } from './support/limpieza';
import { estados } from './sorteo-datos';
import {
  SEMILLA_DERIVADA,
  sembrarVectorConCuentas,
  T_VECTOR,
  resumen,
  type Mov,
  type VectorConCuentas,
} from './renuncias-datos';

/**
 * SORTEO.md's renuncias example through the API, on the draw of the derived-seed vector:
 * 05 S1-001 (reserved), 03 S1-002, 01 S1-003; waiting 02 then 04.
 */
describe('Renuncias and the waiting list (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let v: VectorConCuentas;
  let sorteoId: string;

  const renunciar = (quien: SesionPrueba, solicitudId: string, id = sorteoId) =>
    t.http
      .post(`/sorteo/resultados/${id}/renuncias`)
      .set(...bearer(quien))
      .send({ solicitudId });
  const movimientos = (quien: SesionPrueba) =>
    t.http.get(`/sorteo/resultados/${sorteoId}/movimientos?limit=100`).set(...bearer(quien));

  beforeAll(async () => {
    t = await crearAppDePrueba({ SORTEO_LATIDO_TIMEOUT_MS: '8000', SORTEO_SEMILLA_MANUAL: 'true' });
    admin = await loginAdmin(t);
    await vaciarSorteos(t.connection);
    v = await sembrarVectorConCuentas(t, admin);
    jest.spyOn(t.app.get(RelojSorteo), 'ahora').mockReturnValue(T_VECTOR);
    const r = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({
        nombre: 'Vector con semilla derivada',
        semilla: SEMILLA_DERIVADA,
        parqueaderos: ENTRADA_VECTOR.parqueaderos.map((s) => ({ ...s })),
      });
    expect(r.status).toBe(201);
    sorteoId = r.body.id as string;
    const tabla = (r.body.participantes as Array<Record<string, unknown>>).map((p) => [
      (p.solicitudId as string).slice(-2),
      p.parqueadero,
      p.posicionEspera,
    ]);
    expect(tabla).toEqual([
      ['05', 'S1-001', null],
      ['03', 'S1-002', null],
      ['01', 'S1-003', null],
      ['02', null, 1],
      ['04', null, 2],
      ['07', 'M-01', null],
      ['06', null, 1],
    ]);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it("a resident cannot renounce another's spot (404), nor one of a draw that does not exist", async () => {
    const ajena = await renunciar(v.sesion['02'], v.solicitud['01']);
    expect([ajena.status, ajena.body.code]).toEqual([404, 'NO_ENCONTRADO']);
    const sinSorteo = await renunciar(admin, v.solicitud['01'], 'a'.repeat(24));
    expect([sinSorteo.status, sinSorteo.body.code]).toEqual([404, 'NO_ENCONTRADO']);
    const espera = await renunciar(v.sesion['02'], v.solicitud['02']);
    expect([espera.status, espera.body.code]).toEqual([409, 'NO_ASIGNADA']);
    expect((await movimientos(admin)).body.meta.total).toBe(0);
  });

  it('03 renounces S1-002 → 02 promoted; renouncing twice is 409 NO_ASIGNADA', async () => {
    const r = await renunciar(v.sesion['03'], v.solicitud['03']);
    expect(r.status).toBe(201);
    expect(r.body.movimientos).toEqual([
      {
        n: 1,
        tipo: 'renuncia',
        unidad: { torre: 'V', apartamento: '103' },
        parqueadero: 'S1-002',
        solicitudId: v.solicitud['03'],
        motivo: 'RENUNCIA',
        fecha: T_VECTOR.toISOString(),
        por: v.sesion['03'].usuario.id,
      },
      // Another unit's promotion: the resident sees only n, tipo, unidad and parqueadero.
      {
        n: 2,
        tipo: 'promocion',
        unidad: { torre: 'V', apartamento: '102' },
        parqueadero: 'S1-002',
      },
    ]);
    const otra = await renunciar(v.sesion['03'], v.solicitud['03']);
    expect([otra.status, otra.body.code]).toEqual([409, 'NO_ASIGNADA']);
  });

  it('05 renounces the reserved S1-001 → 04 (nobody waiting has a disability); 01 → vacante', async () => {
    const r5 = await renunciar(v.sesion['05'], v.solicitud['05']);
    expect(r5.status).toBe(201);
    expect(resumen(r5.body.movimientos)).toEqual([
      [3, 'renuncia', '05', 'S1-001'],
      [4, 'promocion', null, 'S1-001'],
    ]);
    const r1 = await renunciar(admin, v.solicitud['01']);
    expect(r1.status).toBe(201);
    expect(resumen(r1.body.movimientos)).toEqual([
      [5, 'renuncia', '01', 'S1-003'],
      [6, 'vacante', null, 'S1-003'],
    ]);
    const todos = await movimientos(admin);
    expect(todos.status).toBe(200);
    expect(todos.body.meta.total).toBe(6);
    expect(resumen(todos.body.data)).toEqual([
      [1, 'renuncia', '03', 'S1-002'],
      [2, 'promocion', '02', 'S1-002'],
      [3, 'renuncia', '05', 'S1-001'],
      [4, 'promocion', '04', 'S1-001'],
      [5, 'renuncia', '01', 'S1-003'],
      [6, 'vacante', null, 'S1-003'],
    ]);
    const pagina = await t.http
      .get(`/sorteo/resultados/${sorteoId}/movimientos?page=2&limit=4`)
      .set(...bearer(admin));
    expect(pagina.body.data.map((m: Mov) => m.n)).toEqual([5, 6]);
  });

  it("a resident's view of the movimientos hides other units' details", async () => {
    const r = await movimientos(v.sesion['02']);
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(6);
    for (const m of r.body.data as Mov[]) {
      const propio = m.unidad?.apartamento === '102';
      expect(Object.keys(m).sort()).toEqual(
        propio
          ? ['fecha', 'motivo', 'n', 'parqueadero', 'por', 'solicitudId', 'tipo', 'unidad']
          : ['n', 'parqueadero', 'tipo', 'unidad'],
      );
    }
    expect(r.body.data[1]).toMatchObject({ solicitudId: v.solicitud['02'], tipo: 'promocion' });
  });

  it('mi-asignacion, the participants and the solicitudes reflect the movimientos', async () => {
    const mia = async (k: string) => {
      const r = await t.http.get('/sorteo/mi-asignacion').set(...bearer(v.sesion[k]));
      return (r.body as Array<Record<string, unknown>>).map((x) => [
        x.resultado,
        x.parqueadero,
        x.posicionEspera,
      ]);
    };
    expect(await mia('02')).toEqual([['asignada', 'S1-002', null]]);
    expect(await mia('03')).toEqual([['no_asignada', null, null]]);
    expect(await mia('06')).toEqual([['no_asignada', null, 1]]);
    const pagina = await t.http
      .get(`/sorteo/resultados/${sorteoId}/participantes?tipoVehiculo=carro&resultado=asignada`)
      .set(...bearer(admin));
    expect(
      pagina.body.data.map((p: Record<string, string>) => [p.solicitudId.slice(-2), p.parqueadero]),
    ).toEqual([
      ['02', 'S1-002'],
      ['04', 'S1-001'],
    ]);
    const completo = await t.http
      .get(`/sorteo/resultados/${sorteoId}`)
      .set(...bearer(v.sesion['04']));
    const porUnidad = new Map(
      (completo.body.participantes as Array<Record<string, unknown>>).map((p) => [
        (p.unidad as { apartamento: string }).apartamento,
        [p.resultado, p.parqueadero, p.posicionEspera],
      ]),
    );
    expect(Object.fromEntries(porUnidad)).toEqual({
      '101': ['no_asignada', null, null],
      '102': ['asignada', 'S1-002', null],
      '103': ['no_asignada', null, null],
      '104': ['asignada', 'S1-001', null],
      '105': ['no_asignada', null, null],
      '106': ['no_asignada', null, 1],
      '107': ['asignada', 'M-01', null],
    });
    const db = await estados(t, Object.values(v.solicitud));
    expect(db.get(v.solicitud['03'])).toMatchObject({
      estado: 'cancelada',
      parqueadero: null,
      version: 3,
    });
    expect(db.get(v.solicitud['02'])).toEqual({
      estado: 'asignada',
      sorteoId,
      parqueadero: 'S1-002',
      posicionEspera: null,
      version: 3,
    });
    const sol = await t.http
      .get(`/solicitudes/${v.solicitud['03']}`)
      .set(...bearer(v.sesion['03']));
    expect(sol.body).toMatchObject({ estado: 'cancelada', motivo: 'RENUNCIA' });
    expect(sol.body.historial.at(-1).motivo).toContain('S1-002');
  });

  it('verificar replays the movimientos, and so does the offline script; tampering shows', async () => {
    const ok = await t.http.get(`/sorteo/resultados/${sorteoId}/verificar`).set(...bearer(admin));
    expect(ok.body).toEqual({ valido: true, diferencias: [], totalDiferencias: 0 });
    const carpeta = mkdtempSync(join(tmpdir(), 'renuncias-'));
    const resultado = await t.http.get(`/sorteo/resultados/${sorteoId}`).set(...bearer(admin));
    writeFileSync(join(carpeta, 'resultado.json'), JSON.stringify(resultado.body));
    writeFileSync(
      join(carpeta, 'movimientos.json'),
      JSON.stringify((await movimientos(admin)).body),
    );
    const script = (...archivos: string[]) =>
      spawnSync(
        process.execPath,
        ['scripts/verificar-sorteo.mjs', ...archivos.map((a) => join(carpeta, a))],
        {
          encoding: 'utf8',
        },
      );
    const bien = script('resultado.json', 'movimientos.json');
    expect([bien.status, bien.stdout]).toEqual([0, expect.stringContaining('6 movimientos')]);
    // Without the movimientos the shown outcome is not the draw's: the script says so.
    expect(script('resultado.json').status).toBe(1);

    await t.connection
      .collection('sorteo_movimientos')
      .updateOne({ _id: `${sorteoId}:2` as never }, { $set: { solicitudId: v.solicitud['04'] } });
    const mal = await t.http.get(`/sorteo/resultados/${sorteoId}/verificar`).set(...bearer(admin));
    expect(mal.body.valido).toBe(false);
    expect(mal.body.diferencias.join('\n')).toContain('movimiento 2 (promocion)');
    const residente = await t.http
      .get(`/sorteo/resultados/${sorteoId}/verificar`)
      .set(...bearer(v.sesion['02']));
    expect(residente.body).toEqual({ valido: false, diferencias: [], totalDiferencias: 1 });
    await t.connection
      .collection('sorteo_movimientos')
      .updateOne({ _id: `${sorteoId}:2` as never }, { $set: { solicitudId: v.solicitud['02'] } });
  });

  it('an annulment after movimientos: promoted solicitudes return to aprobada, renounced stay cancelada', async () => {
    const r = await t.http
      .post(`/sorteo/resultados/${sorteoId}/anular`)
      .set(...bearer(admin))
      .send({ motivo: 'Prueba de anulación tras renuncias' });
    expect(r.status).toBe(200);
    const db = await estados(t, Object.values(v.solicitud));
    for (const k of ['01', '03', '05']) expect(db.get(v.solicitud[k])?.estado).toBe('cancelada');
    for (const k of ['02', '04', '06', '07'])
      expect(db.get(v.solicitud[k])).toMatchObject({
        estado: 'aprobada',
        sorteoId: null,
        parqueadero: null,
      });
    const tarde = await renunciar(admin, v.solicitud['07']);
    expect([tarde.status, tarde.body.code]).toEqual([409, 'SORTEO_NO_VIGENTE']);
  });
  it('a baja of a resident who holds a spot is a renuncia with motivo BAJA', async () => {
    const r = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({
        nombre: 'Tras la anulación',
        semilla: SEMILLA_DERIVADA,
        parqueaderos: ENTRADA_VECTOR.parqueaderos.map((s) => ({ ...s })),
      });
    expect(r.status).toBe(201);
    sorteoId = r.body.id as string;
    const moto = (r.body.participantes as Array<Record<string, unknown>>).filter(
      (p) => p.tipoVehiculo === 'moto',
    );
    const titular = moto.find((p) => p.parqueadero === 'M-01')!.solicitudId as string;
    const enEspera = moto.find((p) => p.posicionEspera === 1)!.solicitudId as string;
    const k = Object.keys(v.solicitud).find((x) => v.solicitud[x] === titular)!;
    const baja = await t.http.delete(`/residentes/${v.residente[k]}`).set(...bearer(admin));
    expect(baja.status).toBe(204);
    const movs = (await movimientos(admin)).body.data as Mov[];
    expect(movs.map((m) => [m.n, m.tipo, m.solicitudId, m.motivo])).toEqual([
      [1, 'renuncia', titular, 'BAJA'],
      [2, 'promocion', enEspera, null],
    ]);
    const db = await estados(t, [titular, enEspera]);
    expect(db.get(titular)).toMatchObject({ estado: 'cancelada' });
    expect(db.get(enEspera)).toMatchObject({ estado: 'asignada', parqueadero: 'M-01' });
  });
});
