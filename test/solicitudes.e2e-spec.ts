import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';

describe('Solicitudes (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let unidadSeq = 0;

  const nuevaUnidad = (): { torre: string; apartamento: string } => {
    unidadSeq += 1;
    return { torre: 'S', apartamento: String(1000 + unidadSeq) };
  };
  const placaCarro = (n: number): string => `SOL${String(n).padStart(3, '0')}`;

  async function residente(over: Record<string, unknown> = {}) {
    return crearResidenteActivo(t, admin, { ...nuevaUnidad(), ...over });
  }

  async function crearSolicitud(s: SesionPrueba, body: Record<string, unknown>) {
    return t.http
      .post('/solicitudes')
      .set(...bearer(s))
      .send(body);
  }

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('creates a pending solicitud for the resident, copying the unit and normalising the placa', async () => {
    const r = await residente();
    const res = await crearSolicitud(r.sesion, {
      vehiculo: { placa: 'abc-123', tipo: 'carro' },
      observaciones: 'Camioneta',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      residenteId: r.residente.id,
      unidad: { torre: r.residente.torre, apartamento: r.residente.apartamento },
      vehiculo: { placa: 'ABC123', tipo: 'carro' },
      estado: 'pendiente',
      motivo: null,
      sorteoId: null,
      parqueadero: null,
      posicionEspera: null,
    });
    expect(res.body.historial).toEqual([
      {
        estado: 'pendiente',
        fecha: expect.any(String),
        usuarioId: r.sesion.usuario.id,
        motivo: null,
      },
    ]);
    expect(res.body).not.toHaveProperty('version');
    expect(res.body).not.toHaveProperty('_id');
  });

  it('validates the placa against the vehicle type, showing the expected format', async () => {
    const r = await residente();
    const carro = await crearSolicitud(r.sesion, { vehiculo: { placa: 'ABC12D', tipo: 'carro' } });
    expect(carro.status).toBe(400);
    expect(carro.body.code).toBe('VALIDACION');
    expect(carro.body.message).toMatch(/ABC123/);
    const moto = await crearSolicitud(r.sesion, { vehiculo: { placa: 'ABC12D', tipo: 'moto' } });
    expect(moto.status).toBe(201);
  });

  it('refuses fields a resident may not set', async () => {
    const r = await residente();
    for (const extra of [
      { estado: 'aprobada' },
      { residenteId: admin.usuario.id.replace(/./, 'a') },
      { unidad: { torre: 'Z', apartamento: '1' } },
      { historial: [] },
      { sorteoId: '665f1a000000000000000001' },
    ]) {
      const res = await crearSolicitud(r.sesion, {
        vehiculo: { placa: 'XYZ987', tipo: 'carro' },
        ...extra,
      });
      expect(res.status).toBe(400);
    }
  });

  it('lets an admin create on behalf of a resident, and requires residenteId', async () => {
    const r = await residente();
    expect(
      (await crearSolicitud(admin, { vehiculo: { placa: 'ADM111', tipo: 'carro' } })).status,
    ).toBe(400);
    const res = await crearSolicitud(admin, {
      residenteId: r.residente.id,
      vehiculo: { placa: 'ADM111', tipo: 'carro' },
    });
    expect(res.status).toBe(201);
    expect(res.body.residenteId).toBe(r.residente.id);
  });

  it('20 concurrent requests for one unit and type: exactly one 201', async () => {
    const r = await residente();
    const res = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        crearSolicitud(r.sesion, { vehiculo: { placa: placaCarro(100 + i), tipo: 'carro' } }),
      ),
    );
    expect(res.filter((x) => x.status === 201)).toHaveLength(1);
    const rechazos = res.filter((x) => x.status !== 201);
    expect(rechazos).toHaveLength(19);
    for (const x of rechazos) expect(x.body.code).toBe('SOLICITUD_ABIERTA_EXISTENTE');
  });

  it('20 concurrent requests for one placa across units: exactly one 201', async () => {
    const residentes = await Promise.all(Array.from({ length: 20 }, () => residente()));
    const res = await Promise.all(
      residentes.map((r) =>
        crearSolicitud(r.sesion, { vehiculo: { placa: 'PLA999', tipo: 'carro' } }),
      ),
    );
    expect(res.filter((x) => x.status === 201)).toHaveLength(1);
    for (const x of res.filter((y) => y.status !== 201))
      expect(x.body.code).toBe('PLACA_DUPLICADA');
  });

  it('20 concurrent approvals/rejections of one pending solicitud: one winner per state', async () => {
    const r = await residente();
    const s = await crearSolicitud(r.sesion, { vehiculo: { placa: 'CON001', tipo: 'carro' } });
    const res = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http
          .patch(`/solicitudes/${s.body.id}/estado`)
          .set(...bearer(admin))
          .send(i % 2 === 0 ? { estado: 'aprobada' } : { estado: 'rechazada', motivo: 'Sin cupo' }),
      ),
    );
    for (const x of res.filter((y) => y.status !== 200))
      expect(x.body.code).toBe('TRANSICION_INVALIDA');
    // Of the requests that read `pendiente`, exactly one wins. On a loaded machine a rejection can
    // start only after an approval has landed, and aprobada → rechazada is a valid next step: then
    // it wins too, but from the next state. So each success extends the history the previous left.
    const exitos = res.filter((x) => x.status === 200);
    const largos = exitos.map((x) => (x.body.historial as unknown[]).length).sort();
    expect(largos).toEqual(exitos.length === 1 ? [2] : [2, 3]);
    const final = await t.http.get(`/solicitudes/${s.body.id}`).set(...bearer(admin));
    const estados = (final.body.historial as Array<{ estado: string }>).map((h) => h.estado);
    expect([
      ['pendiente', 'aprobada'],
      ['pendiente', 'rechazada'],
      ['pendiente', 'aprobada', 'rechazada'],
    ]).toContainEqual(estados);
    expect(estados).toHaveLength(1 + exitos.length);
  });

  it('after cancel or rejection the unit and placa can apply again', async () => {
    const r = await residente();
    const a = await crearSolicitud(r.sesion, { vehiculo: { placa: 'REU001', tipo: 'carro' } });
    expect(
      (await crearSolicitud(r.sesion, { vehiculo: { placa: 'REU002', tipo: 'carro' } })).body.code,
    ).toBe('SOLICITUD_ABIERTA_EXISTENTE');
    const cancel = await t.http
      .patch(`/solicitudes/${a.body.id}/estado`)
      .set(...bearer(r.sesion))
      .send({ estado: 'cancelada' });
    expect(cancel.status).toBe(200);
    expect(cancel.body.estado).toBe('cancelada');
    const b = await crearSolicitud(r.sesion, { vehiculo: { placa: 'REU001', tipo: 'carro' } });
    expect(b.status).toBe(201);
    const sinMotivo = await t.http
      .patch(`/solicitudes/${b.body.id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'rechazada' });
    expect(sinMotivo.status).toBe(400);
    const rech = await t.http
      .patch(`/solicitudes/${b.body.id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'rechazada', motivo: 'Documentos incompletos' });
    expect(rech.status).toBe(200);
    expect(rech.body.motivo).toBe('Documentos incompletos');
    expect(
      (await crearSolicitud(r.sesion, { vehiculo: { placa: 'REU001', tipo: 'carro' } })).status,
    ).toBe(201);
  });

  it('residents may only cancel, and transitions outside the machine are 409 naming both states', async () => {
    const r = await residente();
    const s = await crearSolicitud(r.sesion, { vehiculo: { placa: 'TRA001', tipo: 'carro' } });
    const aprobar = await t.http
      .patch(`/solicitudes/${s.body.id}/estado`)
      .set(...bearer(r.sesion))
      .send({ estado: 'aprobada' });
    expect(aprobar.status).toBe(409);
    expect(aprobar.body.code).toBe('TRANSICION_INVALIDA');
    expect(aprobar.body.message).toMatch(/pendiente/);
    expect(aprobar.body.message).toMatch(/aprobada/);
    const asignar = await t.http
      .patch(`/solicitudes/${s.body.id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'asignada' });
    expect(asignar.status).toBe(409);
    expect(asignar.body.code).toBe('TRANSICION_INVALIDA');
    await t.http
      .patch(`/solicitudes/${s.body.id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'cancelada' });
    const reabrir = await t.http
      .patch(`/solicitudes/${s.body.id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'aprobada' });
    expect(reabrir.status).toBe(409);
  });

  it('refuses approval for a resident in arrears (requiereAlDia by default)', async () => {
    const r = await residente({ alDia: false });
    const s = await crearSolicitud(r.sesion, { vehiculo: { placa: 'MOR001', tipo: 'carro' } });
    const res = await t.http
      .patch(`/solicitudes/${s.body.id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'aprobada' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('RESIDENTE_EN_MORA');
  });

  it('hides other residents’ solicitudes (404) and filters lists', async () => {
    const a = await residente();
    const b = await residente();
    const sa = await crearSolicitud(a.sesion, { vehiculo: { placa: 'OWN001', tipo: 'carro' } });
    await crearSolicitud(b.sesion, { vehiculo: { placa: 'OWN002', tipo: 'carro' } });
    expect((await t.http.get(`/solicitudes/${sa.body.id}`).set(...bearer(b.sesion))).status).toBe(
      404,
    );
    const cancelAjena = await t.http
      .patch(`/solicitudes/${sa.body.id}/estado`)
      .set(...bearer(b.sesion))
      .send({ estado: 'cancelada' });
    expect(cancelAjena.status).toBe(404);
    const propias = await t.http.get('/solicitudes').set(...bearer(b.sesion));
    expect(propias.status).toBe(200);
    expect(
      propias.body.data.every((s: { residenteId: string }) => s.residenteId === b.residente.id),
    ).toBe(true);
    const ajenas = await t.http
      .get(`/solicitudes?residenteId=${a.residente.id}`)
      .set(...bearer(b.sesion));
    expect(ajenas.body.data).toHaveLength(0);
    const deA = await t.http
      .get(`/solicitudes?residenteId=${a.residente.id}&estado=pendiente&tipo=carro`)
      .set(...bearer(admin));
    expect(deA.body.data.map((s: { id: string }) => s.id)).toEqual([sa.body.id]);
    expect(deA.body.meta).toEqual({ total: 1, page: 1, limit: 20 });
    const torre = await t.http.get('/solicitudes?torre=s&limit=2').set(...bearer(admin));
    expect(torre.body.data).toHaveLength(2);
    expect(torre.body.meta.total).toBeGreaterThan(2);
    expect((await t.http.get('/solicitudes?estado=abierta').set(...bearer(admin))).status).toBe(
      400,
    );
    expect((await t.http.get('/solicitudes?residenteId[$ne]=x').set(...bearer(admin))).status).toBe(
      400,
    );
  });

  it('cancels open solicitudes when the resident is given de baja, and refuses new ones', async () => {
    const r = await residente();
    const s = await crearSolicitud(r.sesion, { vehiculo: { placa: 'BAJ001', tipo: 'carro' } });
    const m = await crearSolicitud(r.sesion, { vehiculo: { placa: 'BAJ01', tipo: 'moto' } });
    await t.http
      .patch(`/solicitudes/${m.body.id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'aprobada' });
    expect(
      (await t.http.delete(`/residentes/${r.residente.id}`).set(...bearer(admin))).status,
    ).toBe(204);
    for (const id of [s.body.id, m.body.id]) {
      const res = await t.http.get(`/solicitudes/${id}`).set(...bearer(admin));
      expect(res.body.estado).toBe('cancelada');
      expect(res.body.motivo).toEqual(expect.any(String));
    }
    const nueva = await crearSolicitud(admin, {
      residenteId: r.residente.id,
      vehiculo: { placa: 'BAJ002', tipo: 'carro' },
    });
    expect(nueva.status).toBe(409);
    expect(nueva.body.code).toBe('RESIDENTE_INACTIVO');
  });

  it('heals a transition whose writer died after winning its claim', async () => {
    const r = await residente();
    const s = await crearSolicitud(r.sesion, { vehiculo: { placa: 'HEA001', tipo: 'carro' } });
    // Simulate a crash: the claim for version 1 exists, the solicitud was never written.
    await t.connection.collection('solicitudes_transiciones').insertOne({
      _id: `${s.body.id}:1` as never,
      estado: 'aprobada',
      motivo: null,
      usuarioId: admin.usuario.id,
      sorteoId: null,
      fecha: new Date(Date.now() - 5 * 60_000),
    });
    const res = await t.http
      .patch(`/solicitudes/${s.body.id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'rechazada', motivo: 'Cupo lleno' });
    expect(res.status).toBe(200);
    expect(res.body.estado).toBe('rechazada');
    expect(res.body.historial.map((h: { estado: string }) => h.estado)).toEqual([
      'pendiente',
      'aprobada',
      'rechazada',
    ]);
  });

  it('heals an open-request claim left by a crash before the solicitud was written', async () => {
    const r = await residente();
    const viejo = new Date(Date.now() - 5 * 60_000);
    await t.connection.collection('reclamos').insertOne({
      _id: `solicitud:unidad:${r.residente.torre}:${r.residente.apartamento}:carro` as never,
      dueno: '665f1a0000000000000000ff',
      creadoEn: viejo,
    });
    const res = await crearSolicitud(r.sesion, { vehiculo: { placa: 'HEA002', tipo: 'carro' } });
    expect(res.status).toBe(201);
  });
});
