import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';

interface Solicitud {
  id: string;
  estado: string;
  motivo: string | null;
  historial: Array<{ estado: string; usuarioId: string | null; motivo: string | null }>;
}

/** Leaving the waiting list: `no_asignada` → `cancelada` by the owner or the admin (PATCH). */
describe('Solicitudes: leaving the waiting list (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  const sesiones = new Map<string, SesionPrueba>();
  let asignada: Solicitud;
  let enEspera: Solicitud[];

  const cambiar = (s: SesionPrueba, id: string, body: object) =>
    t.http
      .patch(`/solicitudes/${id}/estado`)
      .set(...bearer(s))
      .send(body);

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await crearResidenteActivo(t, admin, { torre: 'E', apartamento: String(10 + i) });
      const s = await t.http
        .post('/solicitudes')
        .set(...bearer(r.sesion))
        .send({ vehiculo: { placa: `ESP00${i}`, tipo: 'carro' } });
      expect(s.status).toBe(201);
      expect((await cambiar(admin, s.body.id, { estado: 'aprobada' })).status).toBe(200);
      sesiones.set(s.body.id, r.sesion);
      ids.push(s.body.id);
    }
    const sorteo = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({ nombre: 'Sorteo de la lista', parqueaderos: [{ codigo: 'C-1', tipo: 'carro' }] });
    expect(sorteo.status).toBe(201);
    const todas: Solicitud[] = [];
    for (const id of ids)
      todas.push((await t.http.get(`/solicitudes/${id}`).set(...bearer(admin))).body);
    asignada = todas.filter((s) => s.estado === 'asignada')[0];
    enEspera = todas.filter((s) => s.estado === 'no_asignada');
    expect(enEspera).toHaveLength(2);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('the owner leaves the waiting list; another resident gets 404', async () => {
    const [propia, ajena] = enEspera;
    const dueno = sesiones.get(propia.id) as SesionPrueba;
    const otro = await cambiar(dueno, ajena.id, { estado: 'cancelada' });
    expect([otro.status, otro.body.code]).toEqual([404, 'NO_ENCONTRADO']);
    const res = await cambiar(dueno, propia.id, { estado: 'cancelada', motivo: 'Vendí el carro' });
    expect(res.status).toBe(200);
    expect(res.body.estado).toBe('cancelada');
    expect(res.body.historial.at(-1)).toEqual({
      estado: 'cancelada',
      fecha: expect.any(String),
      usuarioId: dueno.usuario.id,
      motivo: 'Vendí el carro',
    });
    expect(res.body.historial.map((h: { estado: string }) => h.estado)).toEqual([
      'pendiente',
      'aprobada',
      'no_asignada',
      'cancelada',
    ]);
    // Closed: the unit may ask again, with the same placa.
    const nueva = await t.http
      .post('/solicitudes')
      .set(...bearer(dueno))
      .send({ vehiculo: { placa: 'ESP000', tipo: 'carro' } });
    expect(nueva.status).toBe(201);
    const otraVez = await cambiar(dueno, propia.id, { estado: 'cancelada' });
    expect([otraVez.status, otraVez.body.code]).toEqual([409, 'TRANSICION_INVALIDA']);
  });

  it('the admin takes a solicitud off the waiting list', async () => {
    const res = await cambiar(admin, enEspera[1].id, { estado: 'cancelada' });
    expect(res.status).toBe(200);
    expect(res.body.estado).toBe('cancelada');
    expect(res.body.historial.at(-1)).toMatchObject({
      estado: 'cancelada',
      usuarioId: admin.usuario.id,
    });
  });

  it('an assigned spot is not cancelled by PATCH (a renuncia is its own endpoint)', async () => {
    for (const s of [admin, sesiones.get(asignada.id) as SesionPrueba]) {
      const res = await cambiar(s, asignada.id, { estado: 'cancelada' });
      expect([res.status, res.body.code]).toEqual([409, 'TRANSICION_INVALIDA']);
      expect(res.body.message).toMatch(/"asignada" a "cancelada"/);
    }
    const res = await t.http.get(`/solicitudes/${asignada.id}`).set(...bearer(admin));
    expect(res.body.estado).toBe('asignada');
  });
});
