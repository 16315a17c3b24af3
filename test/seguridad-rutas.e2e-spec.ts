import type { Test } from 'supertest';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';
import { esperar, respuestasRevisadas } from './support/revision';
import { parqueaderos, sembrarParticipantes } from './sorteo-datos';

/** Every Solicitudes and Sorteo route of API.md, with a sample body where it takes one. */
const RUTAS: Array<[string, string, object?]> = [
  ['post', '/solicitudes', { vehiculo: { placa: 'ABC123', tipo: 'carro' } }],
  ['get', '/solicitudes'],
  ['get', '/solicitudes/:id'],
  ['patch', '/solicitudes/:id/estado', { estado: 'cancelada' }],
  ['get', '/sorteo/config'],
  ['put', '/sorteo/config', {}],
  ['post', '/sorteo/ejecutar', { nombre: 'x' }],
  ['get', '/sorteo/mi-asignacion'],
  ['get', '/sorteo/resultados'],
  ['get', '/sorteo/resultados/:id'],
  ['get', '/sorteo/resultados/:id/participantes'],
  ['get', '/sorteo/resultados/:id/verificar'],
  ['post', '/sorteo/resultados/:id/anular', { motivo: 'x' }],
];
const UN_ID = '665f1a000000000000000001';
const IDS_MALOS = ['zzz', '665f1a00000000000000000', '665f1a0000000000000000001', '{"$gt":""}'];

describe('Seguridad of the Solicitudes and Sorteo routes (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  function pedir(metodo: string, ruta: string, id: string, body?: object): Test {
    const url = ruta.replace(':id', encodeURIComponent(id));
    const req = (t.http as unknown as Record<string, (u: string) => Test>)[metodo](url);
    return body ? req.send(body) : req;
  }

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('401 NO_AUTENTICADO without a token, with a malformed one, and with a refresh token', async () => {
    for (const [metodo, ruta, body] of RUTAS) {
      await esperar(pedir(metodo, ruta, UN_ID, body), 401, 'NO_AUTENTICADO');
      await esperar(
        pedir(metodo, ruta, UN_ID, body).set('Authorization', 'Bearer no.es.un-token'),
        401,
        'NO_AUTENTICADO',
      );
      await esperar(
        pedir(metodo, ruta, UN_ID, body).set('Authorization', `Bearer ${admin.refreshToken}`),
        401,
        'NO_AUTENTICADO',
      );
    }
  });

  it('401 NO_AUTENTICADO with an access token once it has expired', async () => {
    const { sesion } = await crearResidenteActivo(t, admin);
    await esperar(t.http.get('/solicitudes').set(...bearer(sesion)), 200);
    const ahora = Date.now();
    // The token's own clock check (jsonwebtoken reads Date.now): a minute later it still works,
    // so what refuses it below is its 15-minute default lifetime, not the moved clock.
    const reloj = jest.spyOn(Date, 'now').mockReturnValue(ahora + 60_000);
    try {
      await esperar(t.http.get('/solicitudes').set(...bearer(sesion)), 200);
      reloj.mockReturnValue(ahora + 16 * 60_000);
      for (const [metodo, ruta, body] of RUTAS) {
        for (const quien of [sesion, admin]) {
          await esperar(
            pedir(metodo, ruta, UN_ID, body).set(...bearer(quien)),
            401,
            'NO_AUTENTICADO',
          );
        }
      }
    } finally {
      reloj.mockRestore();
    }
    await esperar(t.http.get('/solicitudes').set(...bearer(sesion)), 200);
  });

  it('400 VALIDACION for a path id that is not an ObjectId, for admin and resident alike', async () => {
    const { sesion } = await crearResidenteActivo(t, admin);
    const conId = RUTAS.filter(([, ruta]) => ruta.includes(':id'));
    expect(conId).toHaveLength(6);
    for (const [metodo, ruta, body] of conId) {
      for (const id of IDS_MALOS) {
        await esperar(pedir(metodo, ruta, id, body).set(...bearer(admin)), 400, 'VALIDACION');
      }
      // Residents may not annul: the role check answers first, and still says nothing internal.
      const residenteEsperado: [number, string] = ruta.endsWith('/anular')
        ? [403, 'PROHIBIDO']
        : [400, 'VALIDACION'];
      await esperar(pedir(metodo, ruta, 'zzz', body).set(...bearer(sesion)), ...residenteEsperado);
    }
  });

  it('walks a draw from request to annulment and finds nothing internal in any response', async () => {
    const antes = respuestasRevisadas();
    const { residente, sesion } = await crearResidenteActivo(t, admin, { torre: 'W' });
    await sembrarParticipantes(t, 6, { torre: 'V' });
    const creada = await esperar(
      t.http
        .post('/solicitudes')
        .set(...bearer(sesion))
        .send({ vehiculo: { placa: 'WAL123', tipo: 'carro' } }),
      201,
    );
    const id = creada.body.id as string;
    await esperar(
      t.http
        .patch(`/solicitudes/${id}/estado`)
        .set(...bearer(admin))
        .send({ estado: 'aprobada' }),
      200,
    );
    const d = await esperar(
      t.http
        .post('/sorteo/ejecutar')
        .set(...bearer(admin))
        .send({ nombre: 'Recorrido', parqueaderos: parqueaderos(3, 1, 1) }),
      201,
    );
    const sid = d.body.id as string;
    const lecturas: Test[] = [];
    for (const quien of [admin, sesion]) {
      lecturas.push(
        t.http.get('/solicitudes').set(...bearer(quien)),
        t.http.get(`/solicitudes?sorteoId=${sid}`).set(...bearer(quien)),
        t.http.get(`/solicitudes/${id}`).set(...bearer(quien)),
        t.http.get('/sorteo/resultados').set(...bearer(quien)),
        t.http.get(`/sorteo/resultados/${sid}`).set(...bearer(quien)),
        t.http.get(`/sorteo/resultados/${sid}/participantes`).set(...bearer(quien)),
        t.http.get(`/sorteo/resultados/${sid}/verificar`).set(...bearer(quien)),
      );
    }
    lecturas.push(
      t.http.get('/sorteo/mi-asignacion').set(...bearer(sesion)),
      t.http.get('/sorteo/config').set(...bearer(admin)),
    );
    for (const req of lecturas) await esperar(req, 200);
    await esperar(
      t.http
        .post(`/sorteo/resultados/${sid}/anular`)
        .set(...bearer(admin))
        .send({ motivo: 'Recorrido' }),
      200,
    );
    const leida = await esperar(t.http.get(`/solicitudes/${id}`).set(...bearer(sesion)), 200);
    expect(leida.body.residenteId).toBe(residente.id);
    expect(leida.body).not.toHaveProperty('version');
    // The errors of these routes, in the contract's shape.
    await esperar(
      t.http
        .patch(`/solicitudes/${id}/estado`)
        .set(...bearer(sesion))
        .send({ estado: 'aprobada' }),
      409,
      'TRANSICION_INVALIDA',
    );
    await esperar(t.http.get(`/solicitudes/${UN_ID}`).set(...bearer(sesion)), 404, 'NO_ENCONTRADO');
    await esperar(
      t.http.get(`/sorteo/resultados/${UN_ID}`).set(...bearer(sesion)),
      404,
      'NO_ENCONTRADO',
    );
    await esperar(t.http.get('/sorteo/config').set(...bearer(sesion)), 403, 'PROHIBIDO');
    await esperar(
      t.http
        .post(`/sorteo/resultados/${sid}/anular`)
        .set(...bearer(admin))
        .send({ motivo: 'otra vez' }),
      409,
      'SORTEO_NO_ANULABLE',
    );
    expect(respuestasRevisadas() - antes).toBe(lecturas.length + 10);
  });
});
