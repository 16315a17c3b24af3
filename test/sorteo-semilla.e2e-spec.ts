import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, loginAdmin } from './support/auth-helpers';
import { parqueaderos, sembrarParticipantes } from './sorteo-datos';

/**
 * API.md "ParametrosSorteo": an immediate draw takes its seed from the server's CSPRNG; a seed in
 * the request is refused unless SORTEO_SEMILLA_MANUAL=true, and every reader sees where the seed
 * came from (`origenSemilla`).
 */
describe('Sorteo: origen de la semilla (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba({ SORTEO_SEMILLA_MANUAL: 'false' });
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('una semilla en la solicitud es 400 SEMILLA_MANUAL_DESHABILITADA y no cambia nada', async () => {
    const { solicitudes } = await sembrarParticipantes(t, 3, { torre: 'A' });
    expect(solicitudes).toHaveLength(3);
    const res = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({ nombre: 'Con semilla', parqueaderos: parqueaderos(1, 1), semilla: 'a'.repeat(64) });
    expect([res.status, res.body.code]).toEqual([400, 'SEMILLA_MANUAL_DESHABILITADA']);
    expect(res.body.message).toMatch(/semilla/i);
    const lista = await t.http.get('/sorteo/resultados').set(...bearer(admin));
    expect([lista.status, lista.body.meta.total]).toEqual([200, 0]);
    const aprobadas = await t.http.get('/solicitudes?estado=aprobada').set(...bearer(admin));
    expect(aprobadas.body.meta.total).toBe(3);
  });

  it('sin semilla, el servidor la genera y el resultado dice origenSemilla "servidor"', async () => {
    const res = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({ nombre: 'Sin semilla', parqueaderos: parqueaderos(1, 1) });
    expect(res.status).toBe(201);
    expect(res.body.origenSemilla).toBe('servidor');
    expect(res.body.semilla).toMatch(/^[0-9a-f]{64}$/);
    const lista = await t.http.get('/sorteo/resultados').set(...bearer(admin));
    expect(lista.body.data).toHaveLength(1);
    expect(lista.body.data[0]).toMatchObject({ id: res.body.id, origenSemilla: 'servidor' });
    const detalle = await t.http.get(`/sorteo/resultados/${res.body.id}`).set(...bearer(admin));
    expect([detalle.status, detalle.body.origenSemilla]).toEqual([200, 'servidor']);
  });
});
