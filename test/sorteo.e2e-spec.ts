import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { ejecutarSorteo } from 'src/modules/sorteo/core/ejecutar-sorteo';
import { ENTRADA_VECTOR, INSUMOS_HASH_VECTOR } from 'src/modules/sorteo/core/vector-prueba';
import { SolicitudesDelSorteoService } from 'src/modules/solicitudes/solicitudes-del-sorteo.service';
import { RelojSorteo } from 'src/modules/sorteo/reloj-sorteo';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';
import {
  estados,
  parqueaderos,
  sembrarAprobadas,
  sembrarParticipantes,
  sembrarResidentes,
} from './sorteo-datos';
import { vaciarSorteos } from './support/limpieza';

const SEMILLA = ENTRADA_VECTOR.semilla;
const T = new Date('2026-06-15T12:00:00.000Z');

interface Participante {
  solicitudId?: string;
  unidad: { torre: string; apartamento: string };
  tipoVehiculo: string;
  resultado: string;
  parqueadero: string | null;
  posicionEspera: number | null;
  [campo: string]: unknown;
}

describe('Sorteo (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  const ejecutar = (body: object) =>
    t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send(body);

  /** Each scenario starts from an empty draw history and no solicitudes. */
  async function limpiar(): Promise<void> {
    await vaciarSorteos(t.connection);
    await t.connection.collection('residentes').deleteMany({ cuenta: 'sin_cuenta' });
  }

  beforeAll(async () => {
    t = await crearAppDePrueba({ SORTEO_LATIDO_TIMEOUT_MS: '8000', SORTEO_SEMILLA_MANUAL: 'true' });
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    await limpiar();
  });

  describe('SORTEO.md test vector through the API', () => {
    /** The vector's participants as residents whose attributes at T are exactly the table's. */
    const RESIDENTES = [
      {
        apto: '101',
        tipo: 'carro',
        discapacidad: true,
        nacimiento: '1990-01-01',
        ingreso: '2024-01-10',
      },
      {
        apto: '102',
        tipo: 'carro',
        discapacidad: false,
        nacimiento: '1950-05-05',
        ingreso: '2014-03-01',
      },
      { apto: '103', tipo: 'carro', discapacidad: false, nacimiento: null, ingreso: null },
      {
        apto: '104',
        tipo: 'carro',
        discapacidad: false,
        nacimiento: '1980-06-16',
        ingreso: '2021-02-01',
      },
      {
        apto: '105',
        tipo: 'carro',
        discapacidad: true,
        nacimiento: '1966-06-15',
        ingreso: '2023-06-15',
      },
      {
        apto: '106',
        tipo: 'moto',
        discapacidad: false,
        nacimiento: '2000-01-01',
        ingreso: '2025-06-15',
      },
      {
        apto: '107',
        tipo: 'moto',
        discapacidad: false,
        nacimiento: '1999-12-31',
        ingreso: '2022-01-01',
      },
    ] as const;

    /** SORTEO.md's expected table, copied from the spec (an implementation independent of ours). */
    const ESPERADO = [
      ['05', 0.23073087966626404, -0.12534215989034678, 'reservada', 1, 'asignada', 'S1-001', null],
      ['01', 0.35121077935745804, -0.2906579791002598, 'general', 1, 'asignada', 'S1-003', null],
      ['02', 0.26499929699694047, -0.4426760352803893, 'general', 2, 'asignada', 'S1-002', null],
      ['03', 0.24832251301341557, -0.696513460989011, 'general', 3, 'no_asignada', null, 1],
      ['04', 0.15745781402959758, -1.2323984693500705, 'general', 4, 'no_asignada', null, 2],
      ['07', 0.5623144021365046, -0.205605053966766, 'general', 1, 'asignada', 'M-01', null],
      ['06', 0.5601889981170801, -0.5268009595949804, 'general', 2, 'no_asignada', null, 1],
    ] as const;

    /** Earlier draws: a valid one where 103 (carro), 105 (carro), 107 (moto) and 106 (carro!) lost,
     * a later annulled one and an aborted one where 104 lost: those two must be ignored. */
    async function sembrarSorteosPrevios(): Promise<void> {
      const previo = (
        turno: number,
        estado: string,
        anulado: object | null,
        perdedores: string[][],
      ) => {
        const id = new Types.ObjectId().toHexString();
        return {
          cabecera: {
            _id: new Types.ObjectId(id),
            turno,
            estado,
            nombre: `Previo ${turno}`,
            ejecutadoEn: new Date('2025-12-01T00:00:00Z'),
            ejecutadoPor: admin.usuario.id,
            algoritmo: 'ES-SHA256-v1',
            semilla: 'b'.repeat(64),
            insumosHash: 'c'.repeat(64),
            config: ENTRADA_VECTOR.config,
            resumen: {
              participantes: perdedores.length + 1,
              asignados: 1,
              enEspera: perdedores.length,
              excluidos: 0,
            },
            tamanoBloque: 1000,
            bloques: { participantes: 1, excluidas: 0, parqueaderos: 0 },
            anulado,
            completadoEn: null,
          },
          bloque: {
            _id: `${id}:p:0`,
            sorteoId: id,
            tipo: 'p',
            indice: 0,
            items: [
              {
                unidad: { torre: 'V', apartamento: '101' },
                tipoVehiculo: 'carro',
                resultado: 'asignada',
              },
              ...perdedores.map(([apto, tipo]) => ({
                unidad: { torre: 'V', apartamento: apto },
                tipoVehiculo: tipo,
                resultado: 'no_asignada',
              })),
            ],
          },
        };
      };
      const lista = [
        previo(-3, 'completo', null, [
          ['103', 'carro'],
          ['105', 'carro'],
          ['107', 'moto'],
          ['106', 'carro'],
        ]),
        previo(-2, 'completo', { motivo: 'prueba', por: admin.usuario.id, fecha: new Date() }, [
          ['104', 'carro'],
        ]),
        previo(-1, 'abortado', null, [['104', 'carro']]),
      ];
      await t.connection.collection('sorteos').insertMany(lista.map((p) => p.cabecera));
      await t.connection
        .collection('sorteo_bloques')
        .insertMany(lista.map((p) => p.bloque) as never[]);
    }

    async function sembrarVector(): Promise<string[]> {
      const residentes = await sembrarResidentes(
        t,
        RESIDENTES.map((r) => ({
          torre: 'V',
          apartamento: r.apto,
          discapacidad: r.discapacidad,
          fechaNacimiento: r.nacimiento,
          fechaIngreso: r.ingreso,
        })),
      );
      return sembrarAprobadas(
        t,
        RESIDENTES.map((r, i) => ({
          id: ENTRADA_VECTOR.participantes[i].solicitudId,
          residenteId: residentes[i],
          torre: 'V',
          apartamento: r.apto,
          tipo: r.tipo,
        })),
      );
    }

    it('reproduces the vector field by field, updates every solicitud, and verifies', async () => {
      await sembrarSorteosPrevios();
      const ids = await sembrarVector();
      jest.spyOn(t.app.get(RelojSorteo), 'ahora').mockReturnValue(T);

      const res = await ejecutar({
        nombre: 'Vector SORTEO.md',
        semilla: SEMILLA.toUpperCase(),
        parqueaderos: ENTRADA_VECTOR.parqueaderos.map((s) => ({ ...s })),
      });
      expect(res.status).toBe(201);
      const r = res.body;
      expect(r).toMatchObject({
        nombre: 'Vector SORTEO.md',
        ejecutadoEn: T.toISOString(),
        ejecutadoPor: admin.usuario.id,
        algoritmo: 'ES-SHA256-v1',
        origenSemilla: 'manual',
        semilla: SEMILLA,
        insumosHash: INSUMOS_HASH_VECTOR,
        config: ENTRADA_VECTOR.config,
        excluidas: [],
        resumen: { participantes: 7, asignados: 4, enEspera: 3, excluidos: 0 },
        anulado: null,
      });
      expect(r.id).toMatch(/^[0-9a-f]{24}$/);
      expect(r.participantes.map((p: Participante) => (p.solicitudId as string).slice(-2))).toEqual(
        ESPERADO.map((e) => e[0]),
      );
      ESPERADO.forEach(([, numero, clave, etapa, posicion, resultado, parqueadero, espera], k) => {
        expect(r.participantes[k]).toMatchObject({
          numeroAleatorio: numero,
          clave,
          etapa,
          posicion,
          resultado,
          parqueadero,
          posicionEspera: espera,
        });
      });
      // Every attribute and weight, against the core run on the published inputs.
      const independiente = ejecutarSorteo(ENTRADA_VECTOR);
      r.participantes.forEach((p: Participante, k: number) => {
        const { residente, unidad, placa, ...publicado } = p;
        expect(publicado).toEqual(independiente.participantes[k]);
        expect(residente).toEqual({
          id: expect.any(String),
          nombre: `Residente V-${unidad.apartamento}`,
        });
        expect(typeof placa).toBe('string');
      });

      // The solicitudes reflect the result.
      const porId = await estados(t, ids);
      for (const p of r.participantes as Participante[]) {
        expect(porId.get(p.solicitudId as string)).toEqual({
          estado: p.resultado,
          sorteoId: r.id,
          parqueadero: p.parqueadero,
          posicionEspera: p.posicionEspera,
          version: 2,
        });
      }
      const detalle = await t.http.get(`/sorteo/resultados/${r.id}`).set(...bearer(admin));
      expect(detalle.status).toBe(200);
      expect(detalle.body).toEqual(r);

      const ok = await t.http.get(`/sorteo/resultados/${r.id}/verificar`).set(...bearer(admin));
      expect(ok.body).toEqual({ valido: true, diferencias: [], totalDiferencias: 0 });
      // The standalone script of the README agrees on the published JSON.
      const archivo = join(mkdtempSync(join(tmpdir(), 'sorteo-')), 'resultado.json');
      writeFileSync(archivo, JSON.stringify(detalle.body));
      const script = spawnSync(process.execPath, ['scripts/verificar-sorteo.mjs', archivo], {
        encoding: 'utf8',
      });
      expect([script.status, script.stdout]).toEqual([0, expect.stringContaining('válido')]);

      // Tampering with one stored participant (a disability flag and a spot) is caught.
      const bloques = t.connection.collection('sorteo_bloques');
      const bloque = await bloques.findOne({ _id: `${r.id}:p:0` as never });
      const items = bloque!.items as Array<Record<string, unknown>>;
      const cuarto = items.findIndex(
        (p) => p.solicitudId === ENTRADA_VECTOR.participantes[3].solicitudId,
      );
      items[cuarto] = { ...items[cuarto], discapacidad: true };
      await bloques.replaceOne({ _id: `${r.id}:p:0` as never }, { ...bloque, items });
      const mal = await t.http.get(`/sorteo/resultados/${r.id}/verificar`).set(...bearer(admin));
      expect(mal.status).toBe(200);
      expect(mal.body.valido).toBe(false);
      expect(mal.body.diferencias.join('\n')).toContain('insumosHash');
      expect(mal.body.diferencias.join('\n')).toContain(
        `solicitud ${ENTRADA_VECTOR.participantes[3].solicitudId}, peso`,
      );

      // Only a spot swapped: inputs intact, the outputs differ.
      items[cuarto] = {
        ...items[cuarto],
        discapacidad: false,
        parqueadero: 'S1-002',
        resultado: 'asignada',
      };
      await bloques.replaceOne({ _id: `${r.id}:p:0` as never }, { ...bloque, items });
      const mal2 = await t.http.get(`/sorteo/resultados/${r.id}/verificar`).set(...bearer(admin));
      expect(mal2.body.valido).toBe(false);
      expect(mal2.body.diferencias).toEqual(
        expect.arrayContaining([
          expect.stringContaining(
            `solicitud ${ENTRADA_VECTOR.participantes[3].solicitudId}, resultado`,
          ),
          expect.stringContaining(
            `solicitud ${ENTRADA_VECTOR.participantes[3].solicitudId}, parqueadero`,
          ),
        ]),
      );
      expect(mal2.body.diferencias.join('\n')).not.toContain('insumosHash');

      // The header's seed too.
      await t.connection
        .collection('sorteos')
        .updateOne(
          { _id: new Types.ObjectId(r.id as string) },
          { $set: { semilla: 'd'.repeat(64) } },
        );
      const mal3 = await t.http.get(`/sorteo/resultados/${r.id}/verificar`).set(...bearer(admin));
      expect(mal3.body.valido).toBe(false);
    });

    it('reproduces the NIVELES-SHA256-v1 vector with config.modo "niveles", and verifies', async () => {
      await sembrarSorteosPrevios();
      await sembrarVector();
      jest.spyOn(t.app.get(RelojSorteo), 'ahora').mockReturnValue(T);
      const config = { ...ENTRADA_VECTOR.config, modo: 'niveles' };
      const put = await t.http
        .put('/sorteo/config')
        .set(...bearer(admin))
        .send(config);
      expect([put.status, put.body]).toEqual([200, config]);

      const res = await ejecutar({
        nombre: 'Vector NIVELES',
        semilla: '71098a2aa72f380aa64ea0d0b46ff6924fff73dbae6a8510810d81541c5e9f0e',
        parqueaderos: ENTRADA_VECTOR.parqueaderos.map((s) => ({ ...s })),
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        algoritmo: 'NIVELES-SHA256-v1',
        insumosHash: '46323af41f6f85ad71c42f54e4ce05d784f736351eabb82d27cc07fc8535e5c4',
        config,
      });
      const filas = (res.body.participantes as Participante[]).map((p) => [
        (p.solicitudId as string).slice(-2),
        p.peso,
        p.clave,
        p.etapa,
        p.posicion,
        p.parqueadero,
        p.posicionEspera,
      ]);
      expect(filas).toEqual([
        ['05', 1600, 0.3503484608589368, 'reservada', 1, 'S1-001', null],
        ['01', 1000, 0.5244925661151093, 'general', 1, 'S1-002', null],
        ['02', 500, 0.1911998369343707, 'general', 2, 'S1-003', null],
        ['03', 100, 0.9815934543427497, 'general', 3, null, 1],
        ['04', 0, 0.17235248198225428, 'general', 4, null, 2],
        ['07', 100, 0.84068913792642, 'general', 1, 'M-01', null],
        ['06', 0, 0.41219594887244815, 'general', 2, null, 1],
      ]);
      const ok = await t.http
        .get(`/sorteo/resultados/${res.body.id}/verificar`)
        .set(...bearer(admin));
      expect(ok.body).toEqual({ valido: true, diferencias: [], totalDiferencias: 0 });
      const archivo = join(mkdtempSync(join(tmpdir(), 'sorteo-')), 'niveles.json');
      writeFileSync(archivo, JSON.stringify(res.body));
      const script = spawnSync(process.execPath, ['scripts/verificar-sorteo.mjs', archivo], {
        encoding: 'utf8',
      });
      expect([script.status, script.stdout]).toEqual([0, expect.stringContaining('válido')]);
      const volver = await t.http
        .put('/sorteo/config')
        .set(...bearer(admin))
        .send(ENTRADA_VECTOR.config);
      expect(volver.status).toBe(200);
    });
  });

  it('second draw: sinAsignacionPrevia exactly for the units (and vehicle type) that lost the first', async () => {
    const { residentes } = await sembrarParticipantes(t, 40, { torre: 'P' });
    const primero = await ejecutar({ nombre: 'Primero', parqueaderos: parqueaderos(10, 3, 2) });
    expect(primero.status).toBe(201);
    const perdieron = new Set(
      (primero.body.participantes as Participante[])
        .filter((p) => p.resultado === 'no_asignada')
        .map((p) => `${p.unidad.apartamento}/${p.tipoVehiculo}`),
    );
    expect(perdieron.size).toBeGreaterThan(20);
    // Every unit applies again, for a car this time: only car losers get the factor.
    await sembrarAprobadas(
      t,
      residentes.map((residenteId, i) => ({
        residenteId,
        torre: 'P',
        apartamento: String(1000 + i),
        tipo: 'carro',
      })),
    );
    const segundo = await ejecutar({ nombre: 'Segundo', parqueaderos: parqueaderos(10, 0) });
    expect(segundo.status).toBe(201);
    const participantes = segundo.body.participantes as Participante[];
    expect(participantes).toHaveLength(40);
    for (const p of participantes) {
      expect([p.unidad.apartamento, p.sinAsignacionPrevia]).toEqual([
        p.unidad.apartamento,
        perdieron.has(`${p.unidad.apartamento}/carro`),
      ]);
    }
    // The list shows both, newest first.
    const lista = await t.http.get('/sorteo/resultados?limit=1').set(...bearer(admin));
    expect(lista.body.meta).toEqual({ total: 2, page: 1, limit: 1 });
    expect(lista.body.data[0]).toMatchObject({ id: segundo.body.id, nombre: 'Segundo' });
    expect(Object.keys(lista.body.data[0]).sort()).toEqual(
      [
        'id',
        'nombre',
        'ejecutadoEn',
        'ejecutadoPor',
        'algoritmo',
        'origenSemilla',
        'semilla',
        'insumosHash',
        'resumen',
        'anulado',
      ].sort(),
    );
  });

  it('anular returns every solicitud to aprobada, then a new draw runs', async () => {
    const { solicitudes } = await sembrarParticipantes(t, 12);
    const primero = await ejecutar({ nombre: 'A anular', parqueaderos: parqueaderos(4, 1) });
    expect(primero.status).toBe(201);
    const id = primero.body.id as string;
    const sinMotivo = await t.http
      .post(`/sorteo/resultados/${id}/anular`)
      .set(...bearer(admin))
      .send({});
    expect([sinMotivo.status, sinMotivo.body.code]).toEqual([400, 'VALIDACION']);

    const anular = await t.http
      .post(`/sorteo/resultados/${id}/anular`)
      .set(...bearer(admin))
      .send({ motivo: 'Faltaron los parqueaderos del sótano' });
    expect(anular.status).toBe(200);
    expect(anular.body.anulado).toEqual({
      motivo: 'Faltaron los parqueaderos del sótano',
      por: admin.usuario.id,
      fecha: expect.any(String),
    });
    const tras = await estados(t, solicitudes);
    expect(tras.size).toBe(12);
    for (const s of tras.values()) {
      expect(s).toMatchObject({
        estado: 'aprobada',
        sorteoId: null,
        parqueadero: null,
        posicionEspera: null,
      });
    }
    const historial = await t.http.get(`/solicitudes/${solicitudes[0]}`).set(...bearer(admin));
    expect(historial.body.historial.at(-1)).toMatchObject({
      estado: 'aprobada',
      motivo: expect.stringContaining('Faltaron los parqueaderos del sótano'),
    });
    // Still visible, marked annulled; cannot be annulled twice.
    const visto = await t.http.get(`/sorteo/resultados/${id}`).set(...bearer(admin));
    expect(visto.body.anulado).not.toBeNull();
    const otraVez = await t.http
      .post(`/sorteo/resultados/${id}/anular`)
      .set(...bearer(admin))
      .send({ motivo: 'otra vez' });
    expect([otraVez.status, otraVez.body.code]).toEqual([409, 'SORTEO_NO_ANULABLE']);

    const segundo = await ejecutar({ nombre: 'Repetición', parqueaderos: parqueaderos(4, 1) });
    expect(segundo.status).toBe(201);
    expect(segundo.body.resumen.participantes).toBe(12);
    expect(segundo.body.participantes).toHaveLength(12);
    // The annulled draw's losers do not count as "previous".
    expect(
      (segundo.body.participantes as Participante[]).every((p) => p.sinAsignacionPrevia === false),
    ).toBe(true);
    const viejo = await t.http
      .post(`/sorteo/resultados/${id}/anular`)
      .set(...bearer(admin))
      .send({ motivo: 'ya no es el último' });
    expect(viejo.body.code).toBe('SORTEO_NO_ANULABLE');
    const inexistente = await t.http
      .post(`/sorteo/resultados/${new Types.ObjectId().toHexString()}/anular`)
      .set(...bearer(admin))
      .send({ motivo: 'no existe' });
    expect(inexistente.status).toBe(404);
  });

  it('shows residents other units only as unidad, tipoVehiculo, resultado, parqueadero, posicionEspera', async () => {
    const { residente, sesion } = await crearResidenteActivo(t, admin, {
      torre: 'R',
      apartamento: '900',
      discapacidad: true,
    });
    await sembrarAprobadas(t, [
      { residenteId: residente.id, torre: 'R', apartamento: '900', tipo: 'carro' },
    ]);
    await sembrarParticipantes(t, 8, { torre: 'Q', tipo: () => 'carro' });
    const [moroso] = await sembrarResidentes(t, [{ torre: 'Q', apartamento: '77', alDia: false }]);
    await sembrarAprobadas(t, [
      { residenteId: moroso, torre: 'Q', apartamento: '77', tipo: 'carro' },
    ]);
    const res = await ejecutar({ nombre: 'Visibilidad', parqueaderos: parqueaderos(3, 0, 1) });
    expect(res.status).toBe(201);
    expect(res.body.excluidas).toEqual([
      {
        solicitudId: expect.any(String),
        unidad: { torre: 'Q', apartamento: '77' },
        motivo: 'RESIDENTE_EN_MORA',
      },
    ]);
    expect(res.body.resumen).toMatchObject({ participantes: 9, excluidos: 1 });
    const [excluida] = res.body.excluidas;
    expect((await estados(t, [excluida.solicitudId])).get(excluida.solicitudId)).toMatchObject({
      estado: 'no_asignada',
      sorteoId: res.body.id,
    });

    const visto = await t.http.get(`/sorteo/resultados/${res.body.id}`).set(...bearer(sesion));
    expect(visto.status).toBe(200);
    expect(visto.body.excluidas).toEqual([]);
    const otros = (visto.body.participantes as Participante[]).filter(
      (p) => p.unidad.torre !== 'R',
    );
    expect(otros).toHaveLength(8);
    for (const p of otros) {
      expect(Object.keys(p).sort()).toEqual([
        'parqueadero',
        'posicionEspera',
        'resultado',
        'tipoVehiculo',
        'unidad',
      ]);
    }
    const propio = (visto.body.participantes as Participante[]).find(
      (p) => p.unidad.torre === 'R',
    )!;
    const delAdmin = (res.body.participantes as Participante[]).find(
      (p) => p.unidad.torre === 'R',
    )!;
    const sinResidente: Partial<Participante> = { ...delAdmin };
    delete sinResidente.residente;
    expect(propio).toEqual(sinResidente);
    expect(propio.discapacidad).toBe(true);
    expect(JSON.stringify(visto.body)).not.toContain('Residente Q-');

    const pagina = await t.http
      .get(`/sorteo/resultados/${res.body.id}/participantes?limit=3&page=2&torre=q`)
      .set(...bearer(sesion));
    expect(pagina.status).toBe(200);
    expect(pagina.body.meta).toEqual({ total: 8, page: 2, limit: 3 });
    expect(pagina.body.data).toHaveLength(3);
    for (const p of pagina.body.data) expect(p.peso).toBeUndefined();
    const todos = await t.http
      .get(`/sorteo/resultados/${res.body.id}/participantes?limit=100`)
      .set(...bearer(admin));
    expect(todos.body.data).toEqual(res.body.participantes);
    const pag2 = await t.http
      .get(`/sorteo/resultados/${res.body.id}/participantes?limit=4&page=2`)
      .set(...bearer(admin));
    expect(pag2.body.data).toEqual(res.body.participantes.slice(4, 8));
    const asignados = await t.http
      .get(`/sorteo/resultados/${res.body.id}/participantes?resultado=asignada&tipoVehiculo=carro`)
      .set(...bearer(admin));
    expect(asignados.body.meta.total).toBe(3);

    const mia = await t.http.get('/sorteo/mi-asignacion').set(...bearer(sesion));
    expect(mia.status).toBe(200);
    expect(mia.body).toEqual([
      {
        sorteoId: res.body.id,
        nombre: 'Visibilidad',
        tipoVehiculo: 'carro',
        placa: propio.placa,
        resultado: propio.resultado,
        parqueadero: propio.parqueadero,
        posicionEspera: propio.posicionEspera,
      },
    ]);
    expect((await t.http.get('/sorteo/mi-asignacion').set(...bearer(admin))).status).toBe(403);
    expect(
      (
        await t.http
          .post('/sorteo/ejecutar')
          .set(...bearer(sesion))
          .send({})
      ).status,
    ).toBe(403);
    expect((await t.http.get('/sorteo/config').set(...bearer(sesion))).status).toBe(403);
    expect((await t.http.get('/sorteo/resultados/zzz').set(...bearer(sesion))).status).toBe(400);
    expect(
      (
        await t.http
          .get(`/sorteo/resultados/${new Types.ObjectId().toHexString()}`)
          .set(...bearer(sesion))
      ).status,
    ).toBe(404);
  });

  it('409 SIN_PARTICIPANTES without approved solicitudes, and the lock is released', async () => {
    const res = await ejecutar({ nombre: 'Vacío', parqueaderos: parqueaderos(1, 0) });
    expect([res.status, res.body.code]).toEqual([409, 'SIN_PARTICIPANTES']);
    await sembrarParticipantes(t, 3);
    const despues = await ejecutar({ nombre: 'Ahora sí', parqueaderos: parqueaderos(1, 0) });
    expect(despues.status).toBe(201);
    // A draw leaves no unfinished turn.
    expect(
      await t.connection.collection('sorteo_turnos').countDocuments({ terminado: false }),
    ).toBe(0);
  });

  it('400 for duplicate codes, a reserved moto spot, a malformed seed, >10,000 spots, unknown fields', async () => {
    await sembrarParticipantes(t, 2);
    const casos: Array<[object, string]> = [
      [
        {
          nombre: 'x',
          parqueaderos: [
            { codigo: 'A-1', tipo: 'carro' },
            { codigo: 'A-1', tipo: 'moto' },
          ],
        },
        'A-1',
      ],
      [
        { nombre: 'x', parqueaderos: [{ codigo: 'M-1', tipo: 'moto', discapacidad: true }] },
        'discapacidad',
      ],
      [{ nombre: 'x', parqueaderos: parqueaderos(1, 0), semilla: 'abc' }, 'semilla'],
      [{ nombre: 'x', parqueaderos: parqueaderos(1, 0), semilla: 'g'.repeat(64) }, 'semilla'],
      [{ nombre: 'x', parqueaderos: parqueaderos(10_001, 0) }, '10000'],
      [{ nombre: 'x', parqueaderos: [] }, 'parqueaderos'],
      [{ nombre: 'x', parqueaderos: [{ codigo: 'con espacio', tipo: 'carro' }] }, 'codigo'],
      [{ nombre: 'x', parqueaderos: [{ codigo: 'A', tipo: 'bus' }] }, 'tipo'],
      [{ nombre: 'x', parqueaderos: parqueaderos(1, 0), extra: 1 }, 'extra'],
      [{ nombre: { $gt: '' }, parqueaderos: parqueaderos(1, 0) }, 'nombre'],
    ];
    for (const [body, menciona] of casos) {
      const res = await ejecutar(body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDACION']);
      expect(JSON.stringify(res.body.message)).toContain(menciona);
    }
    const exacto = await ejecutar({ nombre: 'Diez mil', parqueaderos: parqueaderos(10_000, 0) });
    expect(exacto.status).toBe(201);
    expect(exacto.body.parqueaderos).toHaveLength(10_000);
  });

  it('10 concurrent draws: exactly one 201, the rest 409 SORTEO_EN_CURSO, no solicitud in two results', async () => {
    const { solicitudes } = await sembrarParticipantes(t, 200);
    const res = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ejecutar({ nombre: `Carrera ${i}`, parqueaderos: parqueaderos(50, 10) }),
      ),
    );
    expect(res.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    for (const r of res.filter((x) => x.status === 409))
      expect(r.body.code).toBe('SORTEO_EN_CURSO');
    const ganador = res.find((r) => r.status === 201)!.body;
    expect(ganador.resumen.participantes).toBe(200);
    const lista = await t.http.get('/sorteo/resultados').set(...bearer(admin));
    expect(lista.body.meta.total).toBe(1);
    const tras = await estados(t, solicitudes);
    expect(tras.size).toBe(200);
    for (const s of tras.values()) expect(s.sorteoId).toBe(ganador.id);
  });

  it('a dead holder on another server: blocks while its heartbeat is fresh, is undone once stale', async () => {
    const { solicitudes } = await sembrarParticipantes(t, 6);
    const muerto = new Types.ObjectId().toHexString();
    const servicio = t.app.get(SolicitudesDelSorteoService);
    const lote: Array<{ id: string; version: number }> = solicitudes.map((id) => ({
      id,
      version: 1,
    }));
    expect((await servicio.reservarParaSorteo(muerto, lote)).size).toBe(6);
    const turno = (latido: Date) => ({
      _id: 1,
      tipo: 'sorteo',
      sorteoId: muerto,
      instancia: 'otra',
      host: 'otro-servidor',
      pid: 4242,
      inicio: latido,
      latido,
      terminado: false,
      terminadoEn: null,
    });
    await t.connection.collection('sorteo_turnos').insertOne(turno(new Date()) as never);
    const bloqueado = await ejecutar({ nombre: 'Bloqueado', parqueaderos: parqueaderos(2, 1) });
    expect([bloqueado.status, bloqueado.body.code]).toEqual([409, 'SORTEO_EN_CURSO']);
    const cancelar = await t.http
      .patch(`/solicitudes/${solicitudes[0]}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'cancelada' });
    expect([cancelar.status, cancelar.body.code]).toEqual([409, 'SORTEO_EN_CURSO']);

    // A minute of silence, with an 8 s timeout: presumed dead; the next draw undoes it first.
    await t.connection.collection('sorteo_turnos').deleteOne({ _id: 1 as never });
    await t.connection
      .collection('sorteo_turnos')
      .insertOne(turno(new Date(Date.now() - 60_000)) as never);
    const res = await ejecutar({ nombre: 'Tras recuperar', parqueaderos: parqueaderos(2, 1) });
    expect(res.status).toBe(201);
    expect(res.body.resumen.participantes).toBe(6);
    expect(
      await t.connection.collection('sorteo_decisiones').findOne({ _id: 1 as never }),
    ).toMatchObject({
      valor: 'abortar',
    });
  });

  it('a draw whose application failed after the commit point is completed by the recovery', async () => {
    const { solicitudes } = await sembrarParticipantes(t, 10);
    const servicio = t.app.get(SolicitudesDelSorteoService);
    jest
      .spyOn(servicio, 'aplicarSorteo')
      .mockRejectedValueOnce(new Error('la base de datos se cayó'));
    const fallo = await ejecutar({ nombre: 'Interrumpido', parqueaderos: parqueaderos(3, 1) });
    expect(fallo.status).toBe(500);
    expect(fallo.body.message).not.toContain('base de datos se cayó');
    // Committed but not applied: invisible, and nothing else may start meanwhile.
    expect((await t.http.get('/sorteo/resultados').set(...bearer(admin))).body.meta.total).toBe(0);
    const otro = await ejecutar({ nombre: 'Otro', parqueaderos: parqueaderos(3, 1) });
    expect(otro.body.code).toBe('SORTEO_EN_CURSO');
    // Once the holder's heartbeat is stale (8 s here) the scheduled recovery applies it from the chunks.
    let total = 0;
    for (let i = 0; i < 150 && total === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      total = (await t.http.get('/sorteo/resultados').set(...bearer(admin))).body.meta
        .total as number;
    }
    expect(total).toBe(1);
    const lista = await t.http.get('/sorteo/resultados').set(...bearer(admin));
    const r = (
      await t.http.get(`/sorteo/resultados/${lista.body.data[0].id}`).set(...bearer(admin))
    ).body;
    expect(r.nombre).toBe('Interrumpido');
    const porId = await estados(t, solicitudes);
    for (const p of r.participantes as Participante[]) {
      expect(porId.get(p.solicitudId as string)).toMatchObject({
        estado: p.resultado,
        sorteoId: r.id,
        parqueadero: p.parqueadero,
        posicionEspera: p.posicionEspera,
      });
    }
  });

  it('documents every Sorteo endpoint in OpenAPI, with its success status and 409 codes', async () => {
    const doc = (await t.http.get('/docs-json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const contrato: Array<[string, string, string]> = [
      ['get', '/sorteo/config', '200'],
      ['put', '/sorteo/config', '200'],
      ['post', '/sorteo/ejecutar', '201'],
      ['get', '/sorteo/mi-asignacion', '200'],
      ['get', '/sorteo/resultados', '200'],
      ['get', '/sorteo/resultados/{id}', '200'],
      ['get', '/sorteo/resultados/{id}/participantes', '200'],
      ['get', '/sorteo/resultados/{id}/verificar', '200'],
      ['post', '/sorteo/resultados/{id}/anular', '200'],
    ];
    for (const [metodo, ruta, exito] of contrato) {
      const op = doc.paths[ruta]?.[metodo];
      expect([ruta, op && Object.keys(op.responses)]).toEqual([
        ruta,
        expect.arrayContaining([exito, '400', '401']),
      ]);
    }
    const descripcion = (m: string, r: string): string =>
      Object.values(doc.paths[r][m].responses)
        .map((x) => x.description)
        .join(' ');
    expect(descripcion('post', '/sorteo/ejecutar')).toMatch(
      /SORTEO_EN_CURSO[\s\S]*SIN_PARTICIPANTES/,
    );
    expect(descripcion('post', '/sorteo/resultados/{id}/anular')).toContain('SORTEO_NO_ANULABLE');
  });

  it('GET/PUT /sorteo/config: defaults, validated replacement, and requiereAlDia honoured', async () => {
    const get = await t.http.get('/sorteo/config').set(...bearer(admin));
    expect(get.body).toEqual({
      modo: 'ponderado',
      niveles: { discapacidad: 1000, adultoMayor: 500, sinAsignacionPrevia: 100 },
      pesos: {
        discapacidad: 3,
        adultoMayor: 1.5,
        sinAsignacionPrevia: 2,
        antiguedadPorAnio: 0.1,
        antiguedadMaxAnios: 10,
      },
      edadAdultoMayor: 60,
      requiereAlDia: true,
    });
    const nueva = {
      ...get.body,
      pesos: { ...get.body.pesos, discapacidad: 5 },
      requiereAlDia: false,
    };
    for (const mala of [
      { ...nueva, pesos: { ...nueva.pesos, discapacidad: 0.5 } },
      { ...nueva, pesos: { ...nueva.pesos, antiguedadPorAnio: 2 } },
      { ...nueva, pesos: { ...nueva.pesos, antiguedadMaxAnios: 1.5 } },
      { ...nueva, edadAdultoMayor: 39 },
      { ...nueva, requiereAlDia: 'no' },
      { pesos: nueva.pesos },
      { ...nueva, modo: 'sorteo' },
      { ...nueva, niveles: { ...nueva.niveles, adultoMayor: 10_001 } },
      { ...nueva, niveles: { ...nueva.niveles, discapacidad: 2.5 } },
      { ...nueva, niveles: { discapacidad: 1 } },
    ]) {
      const res = await t.http
        .put('/sorteo/config')
        .set(...bearer(admin))
        .send(mala);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDACION']);
    }
    const put = await t.http
      .put('/sorteo/config')
      .set(...bearer(admin))
      .send(nueva);
    expect([put.status, put.body]).toEqual([200, nueva]);
    expect((await t.http.get('/sorteo/config').set(...bearer(admin))).body).toEqual(nueva);

    const [moroso] = await sembrarResidentes(t, [
      { torre: 'M', apartamento: '1', alDia: false, discapacidad: true },
    ]);
    await sembrarAprobadas(t, [
      { residenteId: moroso, torre: 'M', apartamento: '1', tipo: 'carro' },
    ]);
    const res = await ejecutar({
      nombre: 'Sin exigir paz y salvo',
      parqueaderos: parqueaderos(1, 0),
    });
    expect(res.body.excluidas).toEqual([]);
    expect(res.body.participantes[0]).toMatchObject({
      discapacidad: true,
      peso: 5 * (1 + 0.1 * 0),
    });
    expect(res.body.config).toEqual(nueva);
    await t.http
      .put('/sorteo/config')
      .set(...bearer(admin))
      .send(get.body);
  });
});
