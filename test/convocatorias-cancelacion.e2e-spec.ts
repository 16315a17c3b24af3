import { SorteosRepository } from 'src/modules/sorteo/sorteos.repository';
import { RelojSorteo } from 'src/modules/sorteo/reloj-sorteo';
import { sorteoEnCurso } from 'src/shared/errors/sorteo-en-curso';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';
import { vaciarSorteos } from './support/limpieza';
import { estados, parqueaderos } from './sorteo-datos';
import { FUENTES, residenteConAprobada } from './convocatorias-apoyo';

const DIA = 24 * 3600 * 1000;

/** Cancelling, refusals around a close, and an execution that fails and leaves it `cerrada`. */
describe('Convocatorias: cancelación y rechazos (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  const post = (url: string, body: object = {}, s = admin) =>
    t.http
      .post(url)
      .set(...bearer(s))
      .send(body);
  const crear = async (fecha = Date.now() + DIA): Promise<string> => {
    const r = await post('/sorteo/convocatorias', {
      nombre: 'Convocatoria',
      parqueaderos: parqueaderos(1, 1),
      fuentesPublicas: FUENTES,
      fechaSorteo: new Date(fecha).toISOString(),
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const contar = (coleccion: string, filtro: object = {}) =>
    t.connection.collection(coleccion).countDocuments(filtro);
  /** Reservation claims (a draw's or a close's) have no estado. */
  const reservas = () => contar('solicitudes_transiciones', { estado: null });

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

  it('closing with no approved solicitud is 409 SIN_PARTICIPANTES and leaves nothing', async () => {
    const id = await crear();
    const r = await post(`/sorteo/convocatorias/${id}/cerrar`);
    expect([r.status, r.body.code]).toEqual([409, 'SIN_PARTICIPANTES']);
    const c = await t.http.get(`/sorteo/convocatorias/${id}`).set(...bearer(admin));
    expect(c.body).toMatchObject({ estado: 'abierta', insumosHash: null });
    for (const col of ['convocatoria_bloques', 'convocatoria_secretos', 'convocatoria_cierres']) {
      expect(await contar(col)).toBe(0);
    }
  });

  it('cancelling a cerrada one frees its participants; then every change is refused', async () => {
    const a = await residenteConAprobada(t, admin);
    const b = await residenteConAprobada(t, admin);
    const ajeno = await crearResidenteActivo(t, admin, { torre: 'Z', apartamento: '999' });
    const id = await crear();
    const sinPermiso = await post(`/sorteo/convocatorias/${id}/cerrar`, {}, a.sesion);
    expect([sinPermiso.status, sinPermiso.body.code]).toEqual([403, 'PROHIBIDO']);
    expect((await post(`/sorteo/convocatorias/${id}/cerrar`)).status).toBe(200);
    const ninguna = await t.http
      .get(`/sorteo/convocatorias/${id}/mi-participacion`)
      .set(...bearer(ajeno.sesion));
    expect([ninguna.status, ninguna.body.code]).toEqual([404, 'NO_ENCONTRADO']);
    expect(await reservas()).toBe(2);

    const cancelada = await post(`/sorteo/convocatorias/${id}/cancelar`, {
      motivo: 'La asamblea\naplazó el sorteo',
    });
    expect(cancelada.status).toBe(200);
    expect(cancelada.body).toMatchObject({
      estado: 'cancelada',
      cancelada: { motivo: 'La asamblea\naplazó el sorteo', por: admin.usuario.id },
    });
    expect(cancelada.body.insumosHash).toMatch(/^[0-9a-f]{64}$/);
    const porId = await estados(t, [a.solicitudId, b.solicitudId]);
    expect([...porId.values()].map((s) => [s.estado, s.version])).toEqual([
      ['aprobada', 1],
      ['aprobada', 1],
    ]);
    expect(await reservas()).toBe(0);
    const cambio = await t.http
      .patch(`/solicitudes/${a.solicitudId}/estado`)
      .set(...bearer(a.sesion))
      .send({ estado: 'cancelada' });
    expect([cambio.status, cambio.body.estado]).toEqual([200, 'cancelada']);

    const rechazos: Array<[string, object, string]> = [
      [`/sorteo/convocatorias/${id}/cancelar`, { motivo: 'otra vez' }, 'CONVOCATORIA_FINALIZADA'],
      [`/sorteo/convocatorias/${id}/cerrar`, {}, 'CONVOCATORIA_FINALIZADA'],
      [
        '/sorteo/ejecutar',
        { convocatoriaId: id, valoresPublicos: ['1', '2'] },
        'CONVOCATORIA_NO_CERRADA',
      ],
    ];
    for (const [url, body, code] of rechazos) {
      const r = await post(url, body);
      expect([r.status, r.body.code]).toEqual([409, code]);
    }
    // An immediate draw may run again: b is still a participant.
    const inmediato = await post('/sorteo/ejecutar', {
      nombre: 'Ya',
      parqueaderos: parqueaderos(1, 0),
    });
    expect([inmediato.status, inmediato.body.resumen.participantes]).toEqual([201, 1]);
  });

  it('a baja does not change a frozen solicitud; the cancellation frees it', async () => {
    const a = await residenteConAprobada(t, admin);
    const id = await crear();
    expect((await post(`/sorteo/convocatorias/${id}/cerrar`)).status).toBe(200);
    const baja = await t.http.delete(`/residentes/${a.residenteId}`).set(...bearer(admin));
    expect(baja.status).toBe(204);
    expect((await estados(t, [a.solicitudId])).get(a.solicitudId)).toMatchObject({
      estado: 'aprobada',
      version: 1,
    });
    expect(await reservas()).toBe(1);
    expect((await post(`/sorteo/convocatorias/${id}/cancelar`, { motivo: 'x' })).status).toBe(200);
    expect(await reservas()).toBe(0);
    const cancelar = await t.http
      .patch(`/solicitudes/${a.solicitudId}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'cancelada' });
    expect([cancelar.status, cancelar.body.estado]).toEqual([200, 'cancelada']);
  });

  it('a resident given de baja after the close who wins a spot renounces it (BAJA) once the draw is applied', async () => {
    const a = await residenteConAprobada(t, admin);
    const fecha = Date.now() + DIA;
    const id = await crear(fecha);
    expect((await post(`/sorteo/convocatorias/${id}/cerrar`)).status).toBe(200);
    const baja = await t.http.delete(`/residentes/${a.residenteId}`).set(...bearer(admin));
    expect(baja.status).toBe(204);
    jest.spyOn(t.app.get(RelojSorteo), 'ahora').mockReturnValue(new Date(fecha + 1000));
    const r = await post('/sorteo/ejecutar', { convocatoriaId: id, valoresPublicos: ['12', 'AB'] });
    expect(r.status).toBe(201);
    expect(r.body.participantes).toHaveLength(1);
    expect(r.body.participantes[0]).toMatchObject({
      solicitudId: a.solicitudId,
      resultado: 'asignada',
    });
    // The sweep runs after the draw's turn ends, in the background: wait for its movimientos.
    const url = `/sorteo/resultados/${r.body.id}/movimientos`;
    let tipos: string[] = [];
    for (let i = 0; i < 200 && tipos.length < 2; i++) {
      await new Promise((fin) => setTimeout(fin, 100));
      const m = await t.http.get(url).set(...bearer(admin));
      expect(m.status).toBe(200);
      tipos = (m.body.data as Array<{ tipo: string }>).map((x) => x.tipo);
    }
    expect(tipos).toEqual(['renuncia', 'vacante']);
    const m = await t.http.get(url).set(...bearer(admin));
    expect(m.body.data[0]).toMatchObject({ solicitudId: a.solicitudId, motivo: 'BAJA' });
    expect((await estados(t, [a.solicitudId])).get(a.solicitudId)).toMatchObject({
      estado: 'cancelada',
    });
  });

  it('closing on or after fechaSorteo is 409 CONVOCATORIA_VENCIDA', async () => {
    await residenteConAprobada(t, admin);
    const fecha = Date.now() + DIA;
    const id = await crear(fecha);
    jest.spyOn(t.app.get(RelojSorteo), 'ahora').mockReturnValue(new Date(fecha));
    const r = await post(`/sorteo/convocatorias/${id}/cerrar`);
    expect([r.status, r.body.code]).toEqual([409, 'CONVOCATORIA_VENCIDA']);
    expect(await reservas()).toBe(0);
  });

  it('a failed execution is undone but keeps the reservations: cerrada, and it runs again', async () => {
    const a = await residenteConAprobada(t, admin);
    const fecha = Date.now() + DIA;
    const id = await crear(fecha);
    expect((await post(`/sorteo/convocatorias/${id}/cerrar`)).status).toBe(200);
    const reloj = jest.spyOn(t.app.get(RelojSorteo), 'ahora');
    reloj.mockReturnValue(new Date(fecha + 1000));
    const falla = jest
      .spyOn(t.app.get(SorteosRepository), 'insertarCabecera')
      .mockRejectedValueOnce(sorteoEnCurso());
    const cuerpo = { convocatoriaId: id, valoresPublicos: ['12', 'AB'] };
    const fallida = await post('/sorteo/ejecutar', cuerpo);
    expect([fallida.status, fallida.body.code]).toEqual([409, 'SORTEO_EN_CURSO']);
    expect(falla).toHaveBeenCalledTimes(1);
    const c = await t.http.get(`/sorteo/convocatorias/${id}`).set(...bearer(admin));
    expect(c.body.estado).toBe('cerrada');
    const cambio = await t.http
      .patch(`/solicitudes/${a.solicitudId}/estado`)
      .set(...bearer(a.sesion))
      .send({ estado: 'cancelada' });
    expect([cambio.status, cambio.body.code]).toEqual([409, 'CONVOCATORIA_CERRADA']);
    const lista = await t.http.get('/sorteo/resultados').set(...bearer(admin));
    expect(lista.body.meta.total).toBe(0);

    const ok = await post('/sorteo/ejecutar', cuerpo);
    expect(ok.status).toBe(201);
    expect(ok.body.participantes).toHaveLength(1);
    expect((await estados(t, [a.solicitudId])).get(a.solicitudId)).toMatchObject({
      estado: 'asignada',
      sorteoId: ok.body.id,
    });
  });
});
