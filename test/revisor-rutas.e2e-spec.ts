import request, { type Response, type Test } from 'supertest';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import {
  PASSWORD_PERSONAL,
  SesionPrueba,
  bearer,
  crearPersonalActivo,
  crearResidenteActivo,
  loginAdmin,
} from './support/auth-helpers';
import { esperar, revisar } from './support/revision';
import { parqueaderos, sembrarParticipantes } from './sorteo-datos';

/** What the fixtures below build, for the routes that read one resource. */
interface Datos {
  residenteId: string;
  solicitudId: string;
  sorteoId: string;
  parqueaderoId: string;
  convocatoriaId: string;
}

/**
 * A concrete URL for every GET route with a path parameter, so the admin gets 200 on it. A GET
 * route added without one here fails the first test: build its resource and add it. A GET that
 * needs a query string to answer 200 gets its URL here too.
 */
const FIXTURES: Record<string, (d: Datos) => string> = {
  '/residentes/{id}': (d) => `/residentes/${d.residenteId}`,
  '/solicitudes/{id}': (d) => `/solicitudes/${d.solicitudId}`,
  '/sorteo/resultados/{id}': (d) => `/sorteo/resultados/${d.sorteoId}`,
  '/sorteo/resultados/{id}/participantes': (d) => `/sorteo/resultados/${d.sorteoId}/participantes`,
  '/sorteo/resultados/{id}/verificar': (d) => `/sorteo/resultados/${d.sorteoId}/verificar`,
  '/sorteo/resultados/{id}/movimientos': (d) => `/sorteo/resultados/${d.sorteoId}/movimientos`,
  '/sorteo/resultados/{id}/acta.pdf': (d) => `/sorteo/resultados/${d.sorteoId}/acta.pdf`,
  '/sorteo/resultados/{id}/participantes.csv': (d) =>
    `/sorteo/resultados/${d.sorteoId}/participantes.csv`,
  '/parqueaderos/{id}': (d) => `/parqueaderos/${d.parqueaderoId}`,
  '/sorteo/convocatorias/{id}': (d) => `/sorteo/convocatorias/${d.convocatoriaId}`,
  '/sorteo/convocatorias/{id}/mi-participacion': (d) =>
    `/sorteo/convocatorias/${d.convocatoriaId}/mi-participacion`,
};

/** Reads of a resident's own data with a path parameter: staff get 403, the revisor too. */
const DE_RESIDENTE = new Set(['/sorteo/convocatorias/{id}/mi-participacion']);

/** Reads that answer about the caller: same status for both, not the same body. */
const PERSONALES = new Set(['/auth/me']);

/** Writes on the caller's own account, open to the revisor (`@CuentaPropia()`). */
const CUENTA_PROPIA = ['POST /auth/logout', 'POST /auth/cambiar-password'];

const METODOS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const UN_ID = '665f1a000000000000000001';

interface Operacion {
  metodo: (typeof METODOS)[number];
  ruta: string;
  publica: boolean;
}

describe('The revisor on every route of the OpenAPI document (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let revisor: SesionPrueba;
  let datos: Datos;
  let operaciones: Operacion[];

  const lecturas = (): Operacion[] => operaciones.filter((o) => o.metodo === 'get');
  const escrituras = (): Operacion[] => operaciones.filter((o) => o.metodo !== 'get');
  const nombre = (o: Operacion): string => `${o.metodo.toUpperCase()} ${o.ruta}`;

  function urlDe(o: Operacion): string {
    const fixture = FIXTURES[o.ruta];
    if (fixture) return fixture(datos);
    if (o.ruta.includes('{')) throw new Error(`${nombre(o)}: sin fixture en FIXTURES`);
    return o.ruta;
  }

  /** Every GET as `quien`, in document order; the responses checked like any other. */
  async function leerTodo(quien: SesionPrueba): Promise<Response[]> {
    const respuestas: Response[] = [];
    for (const o of lecturas())
      respuestas.push(await revisar(t.http.get(urlDe(o)).set(...bearer(quien))));
    return respuestas;
  }

  beforeAll(async () => {
    t = await crearAppDePrueba({ LOGIN_MAX_FALLOS_IP: '1000' });
    admin = await loginAdmin(t);
    revisor = (await crearPersonalActivo(t, admin, 'revisor')).sesion;
    // Derived from the document the clients download, so a route added later is walked too.
    const doc = await request(t.app.getHttpServer()).get('/docs-json');
    const paths = doc.body.paths as Record<string, Record<string, { security?: unknown[] }>>;
    operaciones = Object.entries(paths).flatMap(([ruta, item]) =>
      METODOS.filter((m) => item[m]).map((metodo) => ({
        metodo,
        ruta,
        publica: item[metodo]?.security?.length === 0,
      })),
    );
    const { residente, sesion } = await crearResidenteActivo(t, admin, { torre: 'W' });
    await sembrarParticipantes(t, 6, { torre: 'V' });
    const creada = await esperar(
      t.http
        .post('/solicitudes')
        .set(...bearer(sesion))
        .send({ vehiculo: { placa: 'REV123', tipo: 'carro' } }),
      201,
    );
    await esperar(
      t.http
        .patch(`/solicitudes/${creada.body.id}/estado`)
        .set(...bearer(admin))
        .send({ estado: 'aprobada' }),
      200,
    );
    const sorteo = await esperar(
      t.http
        .post('/sorteo/ejecutar')
        .set(...bearer(admin))
        .send({ nombre: 'Revisoría', parqueaderos: parqueaderos(3, 1, 1) }),
      201,
    );
    const parqueadero = await esperar(
      t.http
        .post('/parqueaderos')
        .set(...bearer(admin))
        .send({ codigo: 'REV-1', tipo: 'carro' }),
      201,
    );
    const convocatoria = await esperar(
      t.http
        .post('/sorteo/convocatorias')
        .set(...bearer(admin))
        .send({
          nombre: 'Revisoría anunciada',
          fuentesPublicas: [{ descripcion: 'Lotería de prueba, número ganador' }],
          fechaSorteo: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
        }),
      201,
    );
    datos = {
      residenteId: residente.id,
      solicitudId: creada.body.id,
      sorteoId: sorteo.body.id,
      parqueaderoId: parqueadero.body.id,
      convocatoriaId: convocatoria.body.id,
    };
    // The e-mails of the set-up (activations, the approval, the draw's result) are sent first: a
    // message sent between two reads of GET /notificaciones would make them differ.
    const limite = Date.now() + 30_000;
    const bd = t.connection;
    while (
      (await bd.collection('notificaciones_sorteos').countDocuments()) === 0 ||
      (await bd.collection('notificaciones').countDocuments({ estado: 'pendiente' })) > 0
    ) {
      if (Date.now() > limite) throw new Error('El buzón de salida no se vació');
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('has a fixture for every GET route with a path parameter, and none for a route that is gone', () => {
    const conParametro = lecturas().filter((o) => o.ruta.includes('{'));
    expect(conParametro.length).toBeGreaterThanOrEqual(5);
    expect(conParametro.filter((o) => !FIXTURES[o.ruta]).map(nombre)).toEqual([]);
    const rutas = new Set(lecturas().map((o) => o.ruta));
    expect(Object.keys(FIXTURES).filter((r) => !rutas.has(r))).toEqual([]);
    expect([...PERSONALES].filter((r) => !rutas.has(r))).toEqual([]);
  });

  it('gets on every GET the status an admin gets, and the same body (the full view)', async () => {
    const deAdmin = await leerTodo(admin);
    const deRevisor = await leerTodo(revisor);
    expect(deRevisor).toHaveLength(lecturas().length);
    lecturas().forEach((o, i) => {
      const [a, r] = [deAdmin[i], deRevisor[i]];
      const ruta = nombre(o);
      expect({ ruta, status: r.status }).toEqual({ ruta, status: a.status });
      // A path parameter names a resource the fixtures built: the admin reads it.
      if (o.ruta.includes('{'))
        expect({ ruta, status: a.status }).toEqual({
          ruta,
          status: DE_RESIDENTE.has(o.ruta) ? 403 : 200,
        });
      // The only GETs an admin may not use are the resident's own ones.
      expect({ ruta, status: a.status }).toEqual({ ruta, status: a.status === 403 ? 403 : 200 });
      if (a.status === 403)
        expect({ ruta, code: r.body.code }).toEqual({ ruta, code: 'PROHIBIDO' });
      // Text too: a CSV or a PDF has no JSON body to compare.
      else if (!PERSONALES.has(o.ruta))
        expect({ ruta, body: r.body, text: r.text }).toEqual({ ruta, body: a.body, text: a.text });
    });
    expect(deAdmin.filter((a) => a.status === 200).length).toBeGreaterThan(lecturas().length / 2);
  });

  it('is refused every write with 403 PROHIBIDO, and the writes change nothing', async () => {
    const antes = (await leerTodo(admin)).map((r) => r.body as unknown);
    const refusables = escrituras().filter((o) => !o.publica && !CUENTA_PROPIA.includes(nombre(o)));
    expect(escrituras().filter((o) => !o.publica).length).toBe(
      refusables.length + CUENTA_PROPIA.length,
    );
    let intentadas = 0;
    for (const o of refusables) {
      const url = o.ruta.replace(/\{[^}]+\}/g, UN_ID);
      const req = (t.http as unknown as Record<string, (u: string) => Test>)[o.metodo](url);
      const res = await esperar(req.set(...bearer(revisor)).send({}), 403, 'PROHIBIDO');
      expect(res.body.message).toMatch(/revisor/);
      intentadas += 1;
    }
    expect(intentadas).toBe(refusables.length);
    expect(intentadas).toBeGreaterThanOrEqual(10);
    const despues = (await leerTodo(admin)).map((r) => r.body as unknown);
    expect(despues).toEqual(antes);
  });

  it('may act on its own account: change its password and log out', async () => {
    const otra = `${PASSWORD_PERSONAL} y ahora otra`;
    await esperar(
      t.http
        .post('/auth/cambiar-password')
        .set(...bearer(revisor))
        .send({ passwordActual: PASSWORD_PERSONAL, passwordNueva: otra }),
      204,
    );
    const me = await esperar(t.http.get('/auth/me').set(...bearer(revisor)), 200);
    expect(me.body.rol).toBe('revisor');
    await esperar(t.http.post('/auth/logout').set(...bearer(revisor)), 204);
    await esperar(t.http.get('/auth/me').set(...bearer(revisor)), 401, 'NO_AUTENTICADO');
  });
});
