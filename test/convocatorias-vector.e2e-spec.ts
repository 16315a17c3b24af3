import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { FuenteSecreto } from 'src/modules/sorteo/convocatorias/fuente-secreto';
import { ENTRADA_VECTOR, INSUMOS_HASH_VECTOR } from 'src/modules/sorteo/core/vector-prueba';
import { RelojSorteo } from 'src/modules/sorteo/reloj-sorteo';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, loginAdmin } from './support/auth-helpers';
import { vaciarSorteos } from './support/limpieza';
import { sembrarAprobadas, sembrarResidentes } from './sorteo-datos';
import { semillaEsperada } from './convocatorias-apoyo';

/** SORTEO.md "Announced draws" test vector, reproduced through the API. */
const SECRETO = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';
const COMPROMISO = 'b755ed18185d0448746c865d67220151f3a451b5e0cb6aa149aa2cac9448a426';
const SEMILLA = '71098a2aa72f380aa64ea0d0b46ff6924fff73dbae6a8510810d81541c5e9f0e';
const VALORES = ['  4821 ', 'serie  045', 'Testigo: bolita 17'];
const CANONICOS = ['4821', 'SERIE 045', 'TESTIGO: BOLITA 17'];
const T = new Date('2026-06-15T12:00:00.000Z');

/** The vector's participants as residents whose attributes at T are the table's (as sorteo.e2e). */
const RESIDENTES = [
  ['101', 'carro', true, '1990-01-01', '2024-01-10'],
  ['102', 'carro', false, '1950-05-05', '2014-03-01'],
  ['103', 'carro', false, null, null],
  ['104', 'carro', false, '1980-06-16', '2021-02-01'],
  ['105', 'carro', true, '1966-06-15', '2023-06-15'],
  ['106', 'moto', false, '2000-01-01', '2025-06-15'],
  ['107', 'moto', false, '1999-12-31', '2022-01-01'],
] as const;

/** SORTEO.md's expected table for the derived seed, copied from the spec. */
const ESPERADO = [
  ['05', 0.3503484608589368, -0.0896433348143578, 'reservada', 1, 'asignada', 'S1-001', null],
  ['03', 0.9815934543427497, -0.00928902698132546, 'general', 1, 'asignada', 'S1-002', null],
  ['01', 0.5244925661151093, -0.179256673479259, 'general', 2, 'asignada', 'S1-003', null],
  ['02', 0.1911998369343707, -0.5514787104063031, 'general', 3, 'no_asignada', null, 1],
  ['04', 0.17235248198225428, -1.1721423901983823, 'general', 4, 'no_asignada', null, 2],
  ['07', 0.84068913792642, -0.0619761861419412, 'general', 1, 'asignada', 'M-01', null],
  ['06', 0.41219594887244815, -0.8056876714882122, 'general', 2, 'no_asignada', null, 1],
] as const;

describe('Convocatorias: the SORTEO.md derivation vector (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba({ SORTEO_LATIDO_TIMEOUT_MS: '8000' });
    admin = await loginAdmin(t);
    await vaciarSorteos(t.connection);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  /** An earlier complete draw where 103 and 105 (carro) and 107 (moto) lost: their `previa`. */
  async function sembrarPrevio(): Promise<void> {
    const id = new Types.ObjectId();
    const perdedor = (apto: string, tipo: string) => ({
      unidad: { torre: 'V', apartamento: apto },
      tipoVehiculo: tipo,
      resultado: 'no_asignada',
    });
    await t.connection.collection('sorteos').insertOne({
      _id: id,
      turno: -1,
      estado: 'completo',
      nombre: 'Previo',
      ejecutadoEn: new Date('2025-12-01T00:00:00Z'),
      ejecutadoPor: admin.usuario.id,
      algoritmo: 'ES-SHA256-v1',
      semilla: 'b'.repeat(64),
      insumosHash: 'c'.repeat(64),
      config: ENTRADA_VECTOR.config,
      resumen: { participantes: 3, asignados: 0, enEspera: 3, excluidos: 0 },
      tamanoBloque: 1000,
      bloques: { participantes: 1, excluidas: 0, parqueaderos: 0 },
      anulado: null,
      completadoEn: null,
    });
    await t.connection.collection('sorteo_bloques').insertOne({
      _id: `${id.toHexString()}:p:0` as never,
      sorteoId: id.toHexString(),
      tipo: 'p',
      indice: 0,
      items: [perdedor('103', 'carro'), perdedor('105', 'carro'), perdedor('107', 'moto')],
    });
  }

  it('secret, commitment, insumosHash, seed and every row of the table', async () => {
    await sembrarPrevio();
    const residentes = await sembrarResidentes(
      t,
      RESIDENTES.map(([apto, , discapacidad, nacimiento, ingreso]) => ({
        torre: 'V',
        apartamento: apto,
        discapacidad,
        fechaNacimiento: nacimiento,
        fechaIngreso: ingreso,
      })),
    );
    await sembrarAprobadas(
      t,
      RESIDENTES.map(([apto, tipo], i) => ({
        id: ENTRADA_VECTOR.participantes[i].solicitudId,
        residenteId: residentes[i],
        torre: 'V',
        apartamento: apto,
        tipo,
      })),
    );
    const reloj = jest.spyOn(t.app.get(RelojSorteo), 'ahora').mockReturnValue(T);
    jest.spyOn(t.app.get(FuenteSecreto), 'generar').mockReturnValue(SECRETO);

    const creada = await t.http
      .post('/sorteo/convocatorias')
      .set(...bearer(admin))
      .send({
        nombre: 'Vector PARKNET-SEMILLA-v1',
        parqueaderos: ENTRADA_VECTOR.parqueaderos.map((s) => ({ ...s })),
        fuentesPublicas: VALORES.map((_, i) => ({ descripcion: `Fuente ${i + 1}` })),
        fechaSorteo: '2026-06-20T00:00:00.000Z',
      });
    expect(creada.status).toBe(201);
    const cerrada = await t.http
      .post(`/sorteo/convocatorias/${creada.body.id}/cerrar`)
      .set(...bearer(admin));
    expect(cerrada.status).toBe(200);
    expect(cerrada.body).toMatchObject({
      cerradaEn: T.toISOString(),
      insumosHash: INSUMOS_HASH_VECTOR,
      compromisoServidor: COMPROMISO,
      resumen: { participantes: { carro: 5, moto: 2 }, parqueaderos: { carro: 3, moto: 1 } },
    });

    reloj.mockReturnValue(new Date('2026-06-21T10:00:00.000Z'));
    const res = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({ convocatoriaId: creada.body.id, valoresPublicos: VALORES });
    expect(res.status).toBe(201);
    const r = res.body;
    expect(semillaEsperada(INSUMOS_HASH_VECTOR, SECRETO, CANONICOS)).toBe(SEMILLA);
    expect(r).toMatchObject({
      origenSemilla: 'convocatoria',
      semilla: SEMILLA,
      insumosHash: INSUMOS_HASH_VECTOR,
      algoritmo: 'ES-SHA256-v1',
      convocatoria: {
        id: creada.body.id,
        cerradaEn: T.toISOString(),
        valoresPublicos: CANONICOS,
        compromisoServidor: COMPROMISO,
        secretoServidor: SECRETO,
      },
    });
    expect(r.participantes).toHaveLength(ESPERADO.length);
    ESPERADO.forEach(
      ([sufijo, numero, clave, etapa, posicion, resultado, parqueadero, espera], k) => {
        expect(r.participantes[k]).toMatchObject({
          solicitudId: `665f1a0000000000000000${sufijo}`,
          numeroAleatorio: numero,
          clave,
          etapa,
          posicion,
          resultado,
          parqueadero,
          posicionEspera: espera,
        });
      },
    );
    const ok = await t.http.get(`/sorteo/resultados/${r.id}/verificar`).set(...bearer(admin));
    expect(ok.body).toEqual({ valido: true, diferencias: [], totalDiferencias: 0 });
    // The offline script agrees on the published JSON.
    const archivo = join(mkdtempSync(join(tmpdir(), 'convocatoria-')), 'resultado.json');
    writeFileSync(archivo, JSON.stringify(r));
    const script = spawnSync(process.execPath, ['scripts/verificar-sorteo.mjs', archivo], {
      encoding: 'utf8',
    });
    expect([script.status, script.stdout]).toEqual([0, expect.stringContaining('válido')]);
  });
});
