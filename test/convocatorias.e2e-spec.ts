import { RelojSorteo } from 'src/modules/sorteo/reloj-sorteo';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, loginAdmin } from './support/auth-helpers';
import { vaciarSorteos } from './support/limpieza';
import { estados, parqueaderos, sembrarParticipantes } from './sorteo-datos';
import { FUENTES, residenteConAprobada, semillaEsperada, sha256 } from './convocatorias-apoyo';

const DIA = 24 * 3600 * 1000;

/** API.md "Convocatorias (announced draws)": the whole flow through HTTP. */
describe('Convocatorias (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  const post = (url: string, body: object, s = admin) =>
    t.http
      .post(url)
      .set(...bearer(s))
      .send(body);
  const get = (url: string, s = admin) => t.http.get(url).set(...bearer(s));
  const cuerpo = (over: object = {}) => ({
    nombre: 'Sorteo anunciado 2027',
    parqueaderos: parqueaderos(2, 1, 1),
    fuentesPublicas: FUENTES,
    fechaSorteo: new Date(Date.now() + DIA).toISOString(),
    ...over,
  });
  const moverReloj = (a: Date) => jest.spyOn(t.app.get(RelojSorteo), 'ahora').mockReturnValue(a);

  beforeAll(async () => {
    t = await crearAppDePrueba({ SORTEO_LATIDO_TIMEOUT_MS: '8000' });
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    await vaciarSorteos(t.connection);
  });

  it('crear: 400 for each invalid body, then one at a time (409 CONVOCATORIA_ACTIVA)', async () => {
    const invalidos = [
      cuerpo({ fuentesPublicas: [] }),
      cuerpo({ fuentesPublicas: Array.from({ length: 6 }, () => FUENTES[0]) }),
      cuerpo({ fuentesPublicas: [{ descripcion: 'x'.repeat(201) }] }),
      cuerpo({ fechaSorteo: new Date(Date.now() - 60_000).toISOString() }),
      cuerpo({ fechaSorteo: 'mañana' }),
      cuerpo({ otro: 1 }),
      cuerpo({ vigencia: { desde: '2027-02-01T00:00:00Z', hasta: '2027-01-01T00:00:00Z' } }),
    ];
    for (const b of invalidos) {
      const r = await post('/sorteo/convocatorias', b);
      expect([r.status, r.body.code]).toEqual([400, 'VALIDACION']);
    }
    const sinInventario = await post('/sorteo/convocatorias', cuerpo({ parqueaderos: undefined }));
    expect([sinInventario.status, sinInventario.body.code]).toEqual([409, 'SIN_PARQUEADEROS']);
    // Without a list: the inventory's active spots at creation, a retired one left out.
    expect(
      (await post('/parqueaderos', { codigo: 'INV-1', tipo: 'carro', discapacidad: true })).status,
    ).toBe(201);
    const retirado = await post('/parqueaderos', { codigo: 'INV-2', tipo: 'moto' });
    expect(retirado.status).toBe(201);
    const baja = await t.http.delete(`/parqueaderos/${retirado.body.id}`).set(...bearer(admin));
    expect(baja.status).toBe(204);
    const delInventario = await post('/sorteo/convocatorias', cuerpo({ parqueaderos: undefined }));
    expect(delInventario.status).toBe(201);
    expect(delInventario.body.parqueaderos).toEqual([
      { codigo: 'INV-1', tipo: 'carro', discapacidad: true },
    ]);
    const cancelada = await post(`/sorteo/convocatorias/${delInventario.body.id}/cancelar`, {
      motivo: 'Prueba del inventario',
    });
    expect([cancelada.status, cancelada.body.estado]).toEqual([200, 'cancelada']);
    const primera = await post('/sorteo/convocatorias', cuerpo());
    expect(primera.status).toBe(201);
    expect(primera.body).toMatchObject({
      estado: 'abierta',
      config: null,
      cerradaEn: null,
      insumosHash: null,
      compromisoServidor: null,
      resumen: null,
      sorteoId: null,
      cancelada: null,
      vigencia: null,
      creadaPor: admin.usuario.id,
      fuentesPublicas: FUENTES,
    });
    const segunda = await post('/sorteo/convocatorias', cuerpo());
    expect([segunda.status, segunda.body.code]).toEqual([409, 'CONVOCATORIA_ACTIVA']);
    // Cancelled from abierta, the next one may open.
    const c = await post(`/sorteo/convocatorias/${primera.body.id}/cancelar`, { motivo: 'Otra' });
    expect([c.status, c.body.estado, c.body.cancelada.motivo]).toEqual([200, 'cancelada', 'Otra']);
    const otra = await post('/sorteo/convocatorias', cuerpo());
    expect(otra.status).toBe(201);
    const lista = await get('/sorteo/convocatorias');
    expect(lista.body.data.map((x: { id: string }) => x.id)).toEqual([
      otra.body.id,
      primera.body.id,
      delInventario.body.id,
    ]);
  });

  it('a whole announced draw: close, frozen, not before its date, derived seed, verificar', async () => {
    const a = await residenteConAprobada(t, admin);
    const b = await residenteConAprobada(t, admin);
    const { solicitudes } = await sembrarParticipantes(t, 6, { torre: 'S' });
    const creada = await post('/sorteo/convocatorias', cuerpo());
    const id = creada.body.id as string;
    expect(await get(`/sorteo/convocatorias/${id}/mi-participacion`, a.sesion)).toMatchObject({
      status: 404,
    });

    const cerrada = await post(`/sorteo/convocatorias/${id}/cerrar`, {});
    expect(cerrada.status).toBe(200);
    const conv = cerrada.body;
    expect(conv).toMatchObject({ estado: 'cerrada', sorteoId: null });
    expect(conv.insumosHash).toMatch(/^[0-9a-f]{64}$/);
    expect(conv.compromisoServidor).toMatch(/^[0-9a-f]{64}$/);
    expect(conv.resumen).toEqual({
      participantes: { carro: 6, moto: 2 },
      parqueaderos: { carro: 2, moto: 1 },
      excluidos: 0,
    });
    // The same fields for everyone but the reserve flag, and the secret nowhere.
    const sinReserva = {
      ...conv,
      parqueaderos: conv.parqueaderos.map(({ codigo, tipo }: { codigo: string; tipo: string }) => ({
        codigo,
        tipo,
      })),
    };
    const vistas: Array<[unknown, unknown]> = [
      [(await get(`/sorteo/convocatorias/${id}`)).body, conv],
      [(await get('/sorteo/convocatorias')).body.data[0], conv],
      [(await get(`/sorteo/convocatorias/${id}`, a.sesion)).body, sinReserva],
      [(await get('/sorteo/convocatorias', a.sesion)).body.data[0], sinReserva],
    ];
    for (const [v, esperada] of [[conv, conv], ...vistas]) {
      expect(v).toEqual(esperada);
      expect(JSON.stringify(v)).not.toMatch(/secreto/i);
    }
    const otraVez = await post(`/sorteo/convocatorias/${id}/cerrar`, {});
    expect([otraVez.status, otraVez.body.code]).toEqual([409, 'CONVOCATORIA_CERRADA']);

    // Frozen: changes to a participant's solicitud, and an immediate draw, are refused.
    const cambios = [
      t.http.patch(`/solicitudes/${a.solicitudId}/estado`).set(...bearer(a.sesion)),
      t.http.patch(`/solicitudes/${b.solicitudId}/estado`).set(...bearer(admin)),
    ];
    for (const [k, peticion] of cambios.entries()) {
      const r = await peticion.send(
        k === 0 ? { estado: 'cancelada' } : { estado: 'rechazada', motivo: 'No' },
      );
      expect([r.status, r.body.code]).toEqual([409, 'CONVOCATORIA_CERRADA']);
    }
    const inmediato = await post('/sorteo/ejecutar', {
      nombre: 'X',
      parqueaderos: parqueaderos(1, 1),
    });
    expect([inmediato.status, inmediato.body.code]).toEqual([409, 'CONVOCATORIA_ACTIVA']);

    // Each resident sees their own frozen line only.
    for (const r of [a, b]) {
      const mia = await get(`/sorteo/convocatorias/${id}/mi-participacion`, r.sesion);
      expect(mia.status).toBe(200);
      expect(mia.body).toHaveLength(1);
      expect(mia.body[0]).toEqual({
        solicitudId: r.solicitudId,
        tipoVehiculo: 'carro',
        discapacidad: false,
        adultoMayor: false,
        sinAsignacionPrevia: false,
        aniosResidencia: expect.any(Number),
        peso: expect.any(Number),
      });
    }
    expect((await get(`/sorteo/convocatorias/${id}/mi-participacion`)).status).toBe(403);

    // Execution: bad bodies, then too early, then after fechaSorteo.
    const valores = ['  4821 ', 'serie  045'];
    const ejecutar = (body: object) => post('/sorteo/ejecutar', body);
    const malos: Array<[object, number, string]> = [
      [{ convocatoriaId: id, valoresPublicos: ['4821'] }, 400, 'VALIDACION'],
      [{ convocatoriaId: id, valoresPublicos: ['4821', 'ñandú!'] }, 400, 'VALIDACION'],
      [{ convocatoriaId: id, valoresPublicos: valores, nombre: 'X' }, 400, 'VALIDACION'],
      [{ convocatoriaId: 'f'.repeat(24), valoresPublicos: valores }, 404, 'NO_ENCONTRADO'],
      [{ convocatoriaId: id, valoresPublicos: valores }, 409, 'CONVOCATORIA_NO_VENCIDA'],
    ];
    for (const [body, status, code] of malos) {
      const r = await ejecutar(body);
      expect([r.status, r.body.code]).toEqual([status, code]);
    }
    moverReloj(new Date(new Date(conv.fechaSorteo).getTime() + 60_000));
    const res = await ejecutar({ convocatoriaId: id, valoresPublicos: valores });
    expect(res.status).toBe(201);
    const r = res.body;
    const canonicos = ['4821', 'SERIE 045'];
    expect(r).toMatchObject({
      origenSemilla: 'convocatoria',
      insumosHash: conv.insumosHash,
      convocatoria: {
        id,
        cerradaEn: conv.cerradaEn,
        fuentesPublicas: FUENTES,
        valoresPublicos: canonicos,
        compromisoServidor: conv.compromisoServidor,
      },
      resumen: { participantes: 8, asignados: 3, enEspera: 5, excluidos: 0 },
    });
    const secreto = r.convocatoria.secretoServidor as string;
    expect(sha256(secreto)).toBe(conv.compromisoServidor);
    expect(r.semilla).toBe(semillaEsperada(conv.insumosHash, secreto, canonicos));
    for (const otro of [
      ['4822', 'SERIE 045'],
      ['4821', 'SERIE 046'],
    ]) {
      expect(semillaEsperada(conv.insumosHash, secreto, otro)).not.toBe(r.semilla);
    }
    const ids = [a.solicitudId, b.solicitudId, ...solicitudes];
    const porId = await estados(t, ids);
    expect([...porId.values()].every((s) => s.sorteoId === r.id && s.version === 2)).toBe(true);
    const despues = (await get(`/sorteo/convocatorias/${id}`, a.sesion)).body;
    expect(despues).toMatchObject({ estado: 'ejecutada', sorteoId: r.id });
    const deResidente = (await get(`/sorteo/resultados/${r.id}`, a.sesion)).body;
    expect(deResidente.convocatoria).toEqual(r.convocatoria);
    const repetir = await ejecutar({ convocatoriaId: id, valoresPublicos: valores });
    expect([repetir.status, repetir.body.code]).toEqual([409, 'CONVOCATORIA_NO_CERRADA']);

    // verificar: valid; a tampered stored secret or frozen line makes it invalid.
    const verificar = (s = admin) => get(`/sorteo/resultados/${r.id}/verificar`, s);
    expect((await verificar()).body).toEqual({
      valido: true,
      diferencias: [],
      totalDiferencias: 0,
    });
    const sorteos = t.connection.collection('sorteos');
    await sorteos.updateOne({}, { $set: { 'convocatoria.secretoServidor': 'a'.repeat(64) } });
    const conSecreto = (await verificar()).body;
    expect(conSecreto.valido).toBe(false);
    expect(conSecreto.diferencias.join('\n')).toMatch(/secretoServidor[\s\S]*semilla/);
    expect((await verificar(a.sesion)).body).toEqual({
      valido: false,
      diferencias: [],
      totalDiferencias: conSecreto.totalDiferencias,
    });
    await sorteos.updateOne({}, { $set: { 'convocatoria.secretoServidor': secreto } });
    expect((await verificar()).body.valido).toBe(true);
    const bloques = t.connection.collection('convocatoria_bloques');
    const bloque = await bloques.findOne({ _id: `${id}:p:0` as never });
    // The chunk stores its lines as one JSON text.
    const items = JSON.parse(bloque!.items as string) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(8);
    items[0] = { ...items[0], discapacidad: !items[0].discapacidad };
    await bloques.updateOne(
      { _id: `${id}:p:0` as never },
      { $set: { items: JSON.stringify(items) } },
    );
    const conLinea = (await verificar()).body;
    expect(conLinea.valido).toBe(false);
    expect(conLinea.diferencias).toEqual([
      expect.stringContaining(`solicitud ${items[0].solicitudId as string}, discapacidad`),
    ]);
    // The claim was released: a new convocatoria may open.
    jest.restoreAllMocks();
    expect((await post('/sorteo/convocatorias', cuerpo())).status).toBe(201);
  });
});
