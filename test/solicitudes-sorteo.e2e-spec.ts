import { SolicitudesDelSorteoService } from 'src/modules/solicitudes/solicitudes-del-sorteo.service';
import { coleccionDeTanda } from 'src/modules/solicitudes/reescritura-masiva.repository';
import { DesenlaceSorteo, SolicitudParaSorteo } from 'src/modules/solicitudes/solicitud.entity';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';

/** The solicitudes side of a draw: reservation, batch application, annulment, each safe to repeat. */
describe('Solicitudes for the draw (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let servicio: SolicitudesDelSorteoService;
  let n = 0;

  async function aprobada(
    tipo: 'carro' | 'moto' = 'carro',
  ): Promise<{ id: string; residente: SesionPrueba }> {
    n += 1;
    const r = await crearResidenteActivo(t, admin, { torre: 'D', apartamento: String(200 + n) });
    const placa =
      tipo === 'carro'
        ? `DRW${String(n).padStart(3, '0')}`
        : `DRW${String(n % 100).padStart(2, '0')}`;
    const s = await t.http
      .post('/solicitudes')
      .set(...bearer(r.sesion))
      .send({ vehiculo: { placa, tipo } });
    await t.http
      .patch(`/solicitudes/${s.body.id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'aprobada' });
    return { id: s.body.id as string, residente: r.sesion };
  }

  async function participantes(): Promise<SolicitudParaSorteo[]> {
    const todos: SolicitudParaSorteo[] = [];
    for await (const lote of servicio.aprobadasParaSorteo(3)) todos.push(...lote);
    return todos;
  }

  const desenlace = (p: SolicitudParaSorteo, i: number): DesenlaceSorteo => ({
    id: p.id,
    version: p.version + 1,
    estado: i === 0 ? 'asignada' : 'no_asignada',
    parqueadero: i === 0 ? 'P-1' : null,
    posicionEspera: i === 0 ? null : i,
    motivo: null,
    unidad: p.unidad,
    vehiculo: p.vehiculo,
  });

  const leer = async (id: string) =>
    (await t.http.get(`/solicitudes/${id}`).set(...bearer(admin))).body;

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
    servicio = t.app.get(SolicitudesDelSorteoService);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('reserves, applies in batches, and repeating changes nothing; closed claims are healed', async () => {
    const creadas = [await aprobada(), await aprobada(), await aprobada(), await aprobada('moto')];
    const ps = (await participantes()).filter((p) => creadas.some((c) => c.id === p.id));
    expect(ps).toHaveLength(4);
    const sorteoId = '665f1a0000000000000000aa';
    const reservadas = await servicio.reservarParaSorteo(sorteoId, ps);
    expect(reservadas.size).toBe(4);
    // A reserved solicitud cannot be cancelled while the draw holds it.
    const cancel = await t.http
      .patch(`/solicitudes/${ps[1].id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'cancelada' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('SORTEO_EN_CURSO');

    const des = ps.map(desenlace);
    await servicio.aplicarSorteo(sorteoId, admin.usuario.id, des);
    await servicio.aplicarSorteo(sorteoId, admin.usuario.id, des);
    const ganadora = await leer(ps[0].id);
    expect(ganadora).toMatchObject({
      estado: 'asignada',
      parqueadero: 'P-1',
      sorteoId,
      posicionEspera: null,
    });
    expect(ganadora.historial.map((h: { estado: string }) => h.estado)).toEqual([
      'pendiente',
      'aprobada',
      'asignada',
    ]);
    const perdedora = await leer(ps[2].id);
    expect(perdedora).toMatchObject({ estado: 'no_asignada', posicionEspera: 2, sorteoId });

    // The draw keeps the claims of what it closed; the next request for the unit heals its own.
    const otra = await t.http
      .post('/solicitudes')
      .set(...bearer(creadas.find((c) => c.id === ps[2].id)!.residente))
      .send({ vehiculo: { placa: ps[2].vehiculo.placa, tipo: 'carro' } });
    // Both its keys (unit and the same car's placa) were kept by the draw: both are healed.
    expect(otra.status).toBe(201);

    // Annulment: back to aprobada, except the one whose unit opened a new request meanwhile.
    await servicio.revertirSorteo(sorteoId, admin.usuario.id, 'Sorteo anulado por prueba.');
    await servicio.revertirSorteo(sorteoId, admin.usuario.id, 'Sorteo anulado por prueba.');
    const vuelta = await leer(ps[0].id);
    expect(vuelta).toMatchObject({
      estado: 'aprobada',
      sorteoId: null,
      parqueadero: null,
      posicionEspera: null,
    });
    expect(vuelta.historial.map((h: { estado: string }) => h.estado)).toEqual([
      'pendiente',
      'aprobada',
      'asignada',
      'aprobada',
    ]);
    expect((await leer(ps[2].id)).estado).toBe('cancelada');
    expect((await leer(ps[3].id)).estado).toBe('aprobada');
    // The re-approved ones hold their claims again.
    const dup = await t.http
      .post('/solicitudes')
      .set(...bearer(creadas.find((c) => c.id === ps[0].id)!.residente))
      .send({ vehiculo: { placa: 'DUP123', tipo: 'carro' } });
    expect(dup.body.code).toBe('SOLICITUD_ABIERTA_EXISTENTE');
  });

  it('heals a crash between deleting and re-inserting a batch', async () => {
    const a = await aprobada();
    const [p] = (await participantes()).filter((x) => x.id === a.id);
    const sorteoId = '665f1a0000000000000000bb';
    await servicio.reservarParaSorteo(sorteoId, [p]);
    const coleccion = t.connection.collection('solicitudes');
    const original = await coleccion.findOne({
      _id: { $eq: (await coleccion.findOne({ 'vehiculo.placa': { $eq: p.vehiculo.placa } }))!._id },
    });
    // Crash simulation: the staged replacement exists and the live document was already deleted.
    const cambiado = { ...original!, estado: 'asignada', version: p.version + 1 };
    const lote = `sorteo:${sorteoId}`;
    await t.connection.collection(coleccionDeTanda(lote, 'a1b2c3', 0)).insertOne(cambiado);
    await t.connection
      .collection('solicitudes_lotes')
      .insertOne({ _id: lote as never, nonce: 'a1b2c3', lotes: 1, creadoEn: new Date() });
    await coleccion.deleteOne({ _id: { $eq: original!._id } });
    expect((await t.http.get(`/solicitudes/${a.id}`).set(...bearer(admin))).status).toBe(404);
    await servicio.aplicarSorteo(sorteoId, admin.usuario.id, [desenlace(p, 0)]);
    const despues = await leer(a.id);
    expect(despues.estado).toBe('asignada');
    expect(await t.connection.collection('solicitudes_lotes').countDocuments({})).toBe(0);
    const quedan = await t.connection
      .db!.listCollections({ name: coleccionDeTanda(lote, 'a1b2c3', 0) })
      .toArray();
    expect(quedan).toHaveLength(0);
  });

  it('a reservation loses to a transition that claimed first', async () => {
    const a = await aprobada();
    const [p] = (await participantes()).filter((x) => x.id === a.id);
    await t.http
      .patch(`/solicitudes/${a.id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'cancelada' });
    const reservadas = await servicio.reservarParaSorteo('665f1a0000000000000000cc', [p]);
    expect(reservadas.size).toBe(0);
  });
});
