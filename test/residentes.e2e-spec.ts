import { Types } from 'mongoose';
import { ADMIN_EMAIL, AppDePrueba, PASSWORD_RESIDENTE, crearAppDePrueba } from './support/app';
import {
  SesionPrueba,
  bearer,
  crearResidenteActivo,
  login,
  loginAdmin,
  residenteBody,
} from './support/auth-helpers';

const OBJECT_ID = /^[0-9a-f]{24}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const ID_INEXISTENTE = '0123456789abcdef01234567';
const OTRA_PASSWORD = 'una frase distinta para volver a entrar';

type Cuerpo = Record<string, unknown>;

/** The ids of a list response, in order. */
const idsDe = (body: unknown): string[] =>
  (body as { data: Cuerpo[] }).data.map((r) => String(r.id));

/** A copy of `obj` without `fuera`. */
function sin<T extends object>(obj: T, ...fuera: string[]): Cuerpo {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !fuera.includes(k)));
}

describe('Residentes (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let torreUnica = 0;

  /** A tower no other test uses, so list filters see only this test's residents. */
  const nuevaTorre = (): string => `T${process.pid % 1000}-${++torreUnica}`.slice(0, 10);

  const crear = async (over: Cuerpo = {}) =>
    t.http
      .post('/residentes')
      .set(...bearer(admin))
      .send(residenteBody(over));

  const crearOk = async (
    over: Cuerpo = {},
  ): Promise<Cuerpo & { id: string; activacion?: { token: string } }> => {
    const res = await crear(over);
    expect(res.status).toBe(201);
    return res.body as Cuerpo & { id: string; activacion?: { token: string } };
  };

  const listar = (query: string) => t.http.get(`/residentes?${query}`).set(...bearer(admin));

  const esperarError = (
    res: { status: number; body: Cuerpo },
    status: number,
    code: string,
  ): void => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(Object.keys(res.body).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
  };

  beforeAll(async () => {
    t = await crearAppDePrueba({ LOGIN_MAX_FALLOS_IP: '1000' });
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  describe('POST /residentes', () => {
    it('creates a resident with an email: pending account and a one-time activation token', async () => {
      const body = residenteBody({
        email: 'Ana.Perez@Parknet.TEST',
        torre: 'b',
        documento: { tipo: 'PA', numero: 'ab123' },
      });
      const res = await t.http
        .post('/residentes')
        .set(...bearer(admin))
        .send(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(OBJECT_ID),
        nombre: body.nombre,
        documento: { tipo: 'PA', numero: 'AB123' },
        email: 'ana.perez@parknet.test',
        telefono: '3001234567',
        torre: 'B',
        apartamento: body.apartamento,
        tipo: 'propietario',
        fechaIngreso: '2020-01-15',
        fechaNacimiento: '1980-05-20',
        discapacidad: false,
        alDia: true,
        activo: true,
        cuenta: 'pendiente_activacion',
        registro: null,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
        activacion: { token: expect.any(String), expiraEn: expect.stringMatching(ISO) },
      });
      const horas = (Date.parse(res.body.activacion.expiraEn) - Date.now()) / 3_600_000;
      expect(horas).toBeGreaterThan(71.9);
      expect(horas).toBeLessThanOrEqual(72);

      const leido = await t.http.get(`/residentes/${res.body.id}`).set(...bearer(admin));
      expect(leido.status).toBe(200);
      expect(leido.body).not.toHaveProperty('activacion');
      expect(JSON.stringify(leido.body)).not.toContain(res.body.activacion.token);
      expect(leido.body).toEqual(sin(res.body as Cuerpo, 'activacion'));
    });

    it('creates a resident without email: no account, no token', async () => {
      const body = sin(residenteBody(), 'email', 'telefono', 'fechaIngreso', 'fechaNacimiento');
      const res = await t.http
        .post('/residentes')
        .set(...bearer(admin))
        .send({ ...body, discapacidad: true, alDia: false });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        email: null,
        telefono: null,
        fechaIngreso: null,
        fechaNacimiento: null,
        discapacidad: true,
        alDia: false,
        cuenta: 'sin_cuenta',
      });
      expect(res.body).not.toHaveProperty('activacion');
      const act = await t.http.post(`/residentes/${res.body.id}/activacion`).set(...bearer(admin));
      esperarError(act, 409, 'SIN_EMAIL');
    });

    it('answers 409 RESIDENTE_DUPLICADO for a taken documento (case-insensitive numero)', async () => {
      const primero = await crearOk({ documento: { tipo: 'CE', numero: 'XY98765' } });
      const res = await crear({ documento: { tipo: 'CE', numero: 'xy98765' } });
      esperarError(res, 409, 'RESIDENTE_DUPLICADO');
      // The same number under another document type is a different document.
      expect((await crear({ documento: { tipo: 'CC', numero: 'XY98765' } })).status).toBe(201);
      expect(primero.documento).toEqual({ tipo: 'CE', numero: 'XY98765' });
    });

    it('answers 409 RESIDENTE_DUPLICADO for a taken email, whatever its case, including the admin email', async () => {
      await crearOk({ email: 'repetido@parknet.test' });
      esperarError(await crear({ email: 'REPETIDO@parknet.test' }), 409, 'RESIDENTE_DUPLICADO');
      esperarError(await crear({ email: ADMIN_EMAIL }), 409, 'RESIDENTE_DUPLICADO');
    });

    it('a refused duplicate leaves nothing behind: its documento stays free', async () => {
      const numero = `LIBRE${Date.now() % 100000}`;
      await crearOk({ email: 'ocupado@parknet.test' });
      esperarError(
        await crear({ email: 'ocupado@parknet.test', documento: { tipo: 'CC', numero } }),
        409,
        'RESIDENTE_DUPLICADO',
      );
      expect((await crear({ documento: { tipo: 'CC', numero } })).status).toBe(201);
    });

    it('ten concurrent creations with one documento give exactly one 201', async () => {
      const documento = { tipo: 'CC', numero: `99${Date.now() % 1_000_000}` };
      const res = await Promise.all(Array.from({ length: 10 }, () => crear({ documento })));
      expect(res.map((r) => r.status).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
      for (const r of res.filter((x) => x.status === 409))
        expect(r.body.code).toBe('RESIDENTE_DUPLICADO');
      const lista = await listar(`q=${documento.numero}`);
      expect(lista.body.meta.total).toBe(1);
    });

    it('ten concurrent creations with one email give exactly one 201', async () => {
      const email = `carrera${Date.now()}@parknet.test`;
      const res = await Promise.all(Array.from({ length: 10 }, () => crear({ email })));
      expect(res.map((r) => r.status).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    });

    it('validates the body', async () => {
      const casos: Cuerpo[] = [
        { documento: { tipo: 'XX', numero: '12345' } },
        { documento: { tipo: 'CC', numero: '12' } },
        { documento: { tipo: 'CC', numero: '12345-67' } },
        { email: 'no-es-correo' },
        { tipo: 'inquilino' },
        { torre: '' },
        { fechaIngreso: '2023-02-30' },
        { fechaIngreso: '15/01/2020' },
        { fechaNacimiento: '2999-01-01' },
        { discapacidad: 'si' },
        { alDia: 1 },
        { nombre: 42 },
        { id: ID_INEXISTENTE },
        { cuenta: 'activa' },
        { activo: false },
      ];
      for (const over of casos) {
        const res = await crear(over);
        expect({ over, status: res.status, code: res.body.code }).toEqual({
          over,
          status: 400,
          code: 'VALIDACION',
        });
      }
      esperarError(
        await t.http
          .post('/residentes')
          .set(...bearer(admin))
          .send(sin(residenteBody(), 'nombre')),
        400,
        'VALIDACION',
      );
    });
  });

  describe('GET /residentes', () => {
    it('filters by torre, apartamento, activo and alDia, newest first, with pagination meta', async () => {
      const torre = nuevaTorre();
      const a = await crearOk({ torre, apartamento: '101' });
      const b = await crearOk({ torre, apartamento: '102', alDia: false });
      const c = await crearOk({ torre, apartamento: '101' });
      expect((await t.http.delete(`/residentes/${c.id}`).set(...bearer(admin))).status).toBe(204);

      const todos = await listar(`torre=${torre.toLowerCase()}`);
      expect(todos.status).toBe(200);
      expect(todos.body.meta).toEqual({ total: 3, page: 1, limit: 20 });
      expect(idsDe(todos.body)).toEqual([c.id, b.id, a.id]);
      expect(todos.body.data[0]).not.toHaveProperty('_id');
      expect(todos.body.data[0]).not.toHaveProperty('activacion');

      const ids = async (q: string): Promise<unknown[]> => {
        const res = await listar(`torre=${torre}&${q}`);
        expect(res.status).toBe(200);
        expect(res.body.meta.total).toBe(res.body.data.length);
        return idsDe(res.body);
      };
      expect(await ids('apartamento=101')).toEqual([c.id, a.id]);
      expect(await ids('activo=false')).toEqual([c.id]);
      expect(await ids('activo=true')).toEqual([b.id, a.id]);
      expect(await ids('alDia=false')).toEqual([b.id]);
      expect(await ids('alDia=true&activo=true&apartamento=101')).toEqual([a.id]);
    });

    it('paginates: page and limit bound the data, total counts every match', async () => {
      const torre = nuevaTorre();
      const creados: string[] = [];
      for (let i = 0; i < 5; i++) creados.push((await crearOk({ torre })).id);
      const nuevosPrimero = [...creados].reverse();
      const p1 = await listar(`torre=${torre}&limit=2`);
      const p3 = await listar(`torre=${torre}&limit=2&page=3`);
      const p4 = await listar(`torre=${torre}&limit=2&page=4`);
      expect(p1.body.meta).toEqual({ total: 5, page: 1, limit: 2 });
      expect(idsDe(p1.body)).toEqual(nuevosPrimero.slice(0, 2));
      expect(p3.body.meta).toEqual({ total: 5, page: 3, limit: 2 });
      expect(idsDe(p3.body)).toEqual(nuevosPrimero.slice(4));
      expect(p4.body.data).toEqual([]);
      expect((await listar('limit=100')).status).toBe(200);
    });

    it('rejects out-of-range pagination and malformed filters with 400', async () => {
      for (const q of [
        'page=0',
        'page=-1',
        'page=1.5',
        'page=abc',
        'limit=0',
        'limit=101',
        'activo=si',
        'alDia=1',
        'desconocido=1',
      ]) {
        const res = await listar(q);
        expect({ q, status: res.status, code: res.body.code }).toEqual({
          q,
          status: 400,
          code: 'VALIDACION',
        });
      }
    });

    it('q is a case-insensitive substring of nombre or documento.numero', async () => {
      const marca = `Zq${Date.now() % 100000}`;
      const porNombre = await crearOk({ nombre: `María ${marca} Gómez` });
      const porDocumento = await crearOk({
        documento: { tipo: 'PPT', numero: `${marca}77`.toUpperCase() },
      });
      const res = await listar(`q=${encodeURIComponent(marca.toLowerCase())}`);
      expect(res.status).toBe(200);
      expect(idsDe(res.body).sort()).toEqual([porNombre.id, porDocumento.id].sort());
    });

    it('q treats regex characters literally: q=.* matches only names containing ".*"', async () => {
      const literal = await crearOk({ nombre: 'Nombre con .* dentro' });
      await crearOk({ nombre: 'Nombre sin comodines' });
      const res = await listar(`q=${encodeURIComponent('.*')}`);
      expect(res.status).toBe(200);
      expect(idsDe(res.body)).toEqual([literal.id]);
      expect(res.body.meta.total).toBe(1);
      for (const q of ['(', '[', '\\', 'a{1000000}', '^', '$']) {
        const r = await listar(`q=${encodeURIComponent(q)}`);
        expect({ q, status: r.status }).toEqual({ q, status: 200 });
      }
      expect((await listar(`q=${encodeURIComponent('(a+)+$')}`)).body.meta.total).toBe(0);
    });
  });

  describe('GET and PATCH /residentes/me', () => {
    it('a resident reads their own record and changes only their telefono', async () => {
      const { residente, sesion } = await crearResidenteActivo(t, admin);
      const me = await t.http.get('/residentes/me').set(...bearer(sesion));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: residente.id, email: residente.email, cuenta: 'activa' });

      const ok = await t.http
        .patch('/residentes/me')
        .set(...bearer(sesion))
        .send({ telefono: '+57 310 555 1234' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        id: residente.id,
        telefono: '+57 310 555 1234',
        nombre: residente.nombre,
      });

      for (const cuerpo of [
        { nombre: 'Otro nombre' },
        { telefono: '3000000000', torre: 'Z' },
        { telefono: '3000000000', alDia: true },
        { telefono: '3000000000', discapacidad: true },
        { telefono: 'no es un teléfono' },
        { telefono: { $gt: '' } },
        {},
      ]) {
        const res = await t.http
          .patch('/residentes/me')
          .set(...bearer(sesion))
          .send(cuerpo);
        expect({ cuerpo, status: res.status, code: res.body.code }).toEqual({
          cuerpo,
          status: 400,
          code: 'VALIDACION',
        });
      }
      const despues = await t.http.get('/residentes/me').set(...bearer(sesion));
      expect(despues.body).toMatchObject({
        telefono: '+57 310 555 1234',
        nombre: residente.nombre,
        torre: residente.torre,
        alDia: true,
      });
    });

    it('is for residents only: an admin gets 403, no token gets 401', async () => {
      esperarError(await t.http.get('/residentes/me').set(...bearer(admin)), 403, 'PROHIBIDO');
      esperarError(
        await t.http
          .patch('/residentes/me')
          .set(...bearer(admin))
          .send({ telefono: '3001112233' }),
        403,
        'PROHIBIDO',
      );
      esperarError(await t.http.get('/residentes/me'), 401, 'NO_AUTENTICADO');
    });
  });

  describe('GET /residentes/:id', () => {
    it('self and admin may read; another resident gets 404 exactly like a missing id', async () => {
      const uno = await crearResidenteActivo(t, admin);
      const otro = await crearResidenteActivo(t, admin);
      const propio = await t.http.get(`/residentes/${uno.residente.id}`).set(...bearer(uno.sesion));
      expect(propio.status).toBe(200);
      expect(propio.body.id).toBe(uno.residente.id);
      expect(
        (await t.http.get(`/residentes/${otro.residente.id}`).set(...bearer(admin))).status,
      ).toBe(200);

      const ajeno = await t.http.get(`/residentes/${otro.residente.id}`).set(...bearer(uno.sesion));
      const inexistente = await t.http
        .get(`/residentes/${ID_INEXISTENTE}`)
        .set(...bearer(uno.sesion));
      esperarError(ajeno, 404, 'NO_ENCONTRADO');
      expect(ajeno.text).toBe(inexistente.text);
      esperarError(
        await t.http.get(`/residentes/${ID_INEXISTENTE}`).set(...bearer(admin)),
        404,
        'NO_ENCONTRADO',
      );
    });

    it('answers 400 for ids that are not ObjectIds, on every :id route', async () => {
      for (const id of [
        '123',
        'zzzzzzzzzzzzzzzzzzzzzzzz',
        '0123456789ABCDEF01234567',
        `${ID_INEXISTENTE}0`,
      ]) {
        const reqs = [
          t.http.get(`/residentes/${id}`).set(...bearer(admin)),
          t.http
            .patch(`/residentes/${id}`)
            .set(...bearer(admin))
            .send({ nombre: 'Nadie Nadie' }),
          t.http.delete(`/residentes/${id}`).set(...bearer(admin)),
          t.http.post(`/residentes/${id}/activacion`).set(...bearer(admin)),
        ];
        for (const res of await Promise.all(reqs)) esperarError(res, 400, 'VALIDACION');
      }
    });

    it('answers 404 for unknown ids on every :id route', async () => {
      const reqs = [
        t.http
          .patch(`/residentes/${ID_INEXISTENTE}`)
          .set(...bearer(admin))
          .send({ nombre: 'Nadie Nadie' }),
        t.http.delete(`/residentes/${ID_INEXISTENTE}`).set(...bearer(admin)),
        t.http.post(`/residentes/${ID_INEXISTENTE}/activacion`).set(...bearer(admin)),
      ];
      for (const res of await Promise.all(reqs)) esperarError(res, 404, 'NO_ENCONTRADO');
    });
  });

  describe('PATCH /residentes/:id', () => {
    it('updates the given fields and leaves the others', async () => {
      const r = await crearOk();
      const res = await t.http
        .patch(`/residentes/${r.id}`)
        .set(...bearer(admin))
        .send({
          nombre: 'Nombre Cambiado',
          torre: 'c',
          apartamento: '9a',
          alDia: false,
          discapacidad: true,
          fechaNacimiento: '1950-12-31',
        });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...r,
        activacion: undefined,
        nombre: 'Nombre Cambiado',
        torre: 'C',
        apartamento: '9A',
        alDia: false,
        discapacidad: true,
        fechaNacimiento: '1950-12-31',
        updatedAt: expect.stringMatching(ISO),
      });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(
        Date.parse(r.createdAt as string),
      );

      const limpiado = await t.http
        .patch(`/residentes/${r.id}`)
        .set(...bearer(admin))
        .send({ telefono: null, fechaIngreso: null });
      expect(limpiado.status).toBe(200);
      expect(limpiado.body).toMatchObject({
        telefono: null,
        fechaIngreso: null,
        fechaNacimiento: '1950-12-31',
        email: r.email,
      });
    });

    it('gives the same 409 RESIDENTE_DUPLICADO as create, and changes nothing then', async () => {
      const a = await crearOk();
      const b = await crearOk();
      esperarError(
        await t.http
          .patch(`/residentes/${b.id}`)
          .set(...bearer(admin))
          .send({ documento: a.documento }),
        409,
        'RESIDENTE_DUPLICADO',
      );
      esperarError(
        await t.http
          .patch(`/residentes/${b.id}`)
          .set(...bearer(admin))
          .send({ email: String(a.email).toUpperCase() }),
        409,
        'RESIDENTE_DUPLICADO',
      );
      esperarError(
        await t.http
          .patch(`/residentes/${b.id}`)
          .set(...bearer(admin))
          .send({ email: ADMIN_EMAIL }),
        409,
        'RESIDENTE_DUPLICADO',
      );
      const sinCambio = await t.http.get(`/residentes/${b.id}`).set(...bearer(admin));
      expect(sinCambio.body).toMatchObject({ documento: b.documento, email: b.email });
      // Its own values are not a conflict with itself.
      expect(
        (
          await t.http
            .patch(`/residentes/${b.id}`)
            .set(...bearer(admin))
            .send({ documento: b.documento, email: b.email })
        ).status,
      ).toBe(200);
    });

    it('frees the old documento and email after a change, and moves the login to the new email', async () => {
      const { residente, sesion } = await crearResidenteActivo(t, admin);
      const nuevoEmail = `nuevo${Date.now()}@parknet.test`;
      const nuevoDoc = { tipo: 'CE', numero: `N${Date.now() % 1_000_000}` };
      const res = await t.http
        .patch(`/residentes/${residente.id}`)
        .set(...bearer(admin))
        .send({ email: nuevoEmail, documento: nuevoDoc });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ email: nuevoEmail, documento: nuevoDoc, cuenta: 'activa' });
      expect((await crear({ email: residente.email, documento: residente.documento })).status).toBe(
        201,
      );
      const s = await login(t, nuevoEmail, PASSWORD_RESIDENTE);
      expect(s.usuario.residenteId).toBe(residente.id);
      expect(
        (
          await t.http
            .post('/auth/login')
            .send({ email: residente.email, password: PASSWORD_RESIDENTE })
        ).status,
      ).toBe(401);
      expect((await t.http.get('/residentes/me').set(...bearer(sesion))).status).toBe(200);
    });

    it('adding an email to a resident without one creates a pending account', async () => {
      const body = sin(residenteBody(), 'email');
      const creado = await t.http
        .post('/residentes')
        .set(...bearer(admin))
        .send(body);
      expect(creado.body.cuenta).toBe('sin_cuenta');
      const email = `agregado${Date.now()}@parknet.test`;
      const res = await t.http
        .patch(`/residentes/${creado.body.id}`)
        .set(...bearer(admin))
        .send({ email });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ email, cuenta: 'pendiente_activacion' });
      const act = await t.http
        .post(`/residentes/${creado.body.id}/activacion`)
        .set(...bearer(admin));
      expect(act.status).toBe(201);
      expect(
        (
          await t.http
            .post('/auth/activar')
            .send({ token: act.body.token, password: PASSWORD_RESIDENTE })
        ).status,
      ).toBe(200);
    });

    it('refuses id, cuenta, timestamps, unknown fields and nulls for required fields with 400', async () => {
      const r = await crearOk();
      for (const cuerpo of [
        { id: ID_INEXISTENTE },
        { cuenta: 'activa' },
        { createdAt: '2020-01-01T00:00:00.000Z' },
        { updatedAt: '2020-01-01T00:00:00.000Z' },
        { _id: ID_INEXISTENTE },
        { activacion: { token: 'x' } },
        { activo: 'no' },
        { nombre: null },
        { documento: null },
        { torre: null },
        { tipo: null },
        { email: null },
        { alDia: null },
        { discapacidad: null },
        { documento: { tipo: 'CC' } },
      ]) {
        const res = await t.http
          .patch(`/residentes/${r.id}`)
          .set(...bearer(admin))
          .send(cuerpo);
        expect({ cuerpo, status: res.status, code: res.body.code }).toEqual({
          cuerpo,
          status: 400,
          code: 'VALIDACION',
        });
      }
      expect((await t.http.get(`/residentes/${r.id}`).set(...bearer(admin))).body).toEqual(
        sin(r, 'activacion'),
      );
    });
  });

  describe('DELETE /residentes/:id and re-activation', () => {
    it('soft-deletes: 204, activo=false, cuenta=deshabilitada, sessions revoked, login refused', async () => {
      const { residente, sesion } = await crearResidenteActivo(t, admin);
      const otraSesion = await login(t, residente.email, PASSWORD_RESIDENTE);
      const del = await t.http.delete(`/residentes/${residente.id}`).set(...bearer(admin));
      expect(del.status).toBe(204);
      expect(del.text).toBe('');

      const leido = await t.http.get(`/residentes/${residente.id}`).set(...bearer(admin));
      expect(leido.status).toBe(200);
      expect(leido.body).toMatchObject({
        activo: false,
        cuenta: 'deshabilitada',
        nombre: residente.nombre,
      });

      for (const s of [sesion, otraSesion]) {
        esperarError(await t.http.get('/residentes/me').set(...bearer(s)), 401, 'NO_AUTENTICADO');
        esperarError(await t.http.get('/auth/me').set(...bearer(s)), 401, 'NO_AUTENTICADO');
        expect(
          (await t.http.post('/auth/refresh').send({ refreshToken: s.refreshToken })).status,
        ).toBe(401);
      }
      const fallo = await t.http
        .post('/auth/login')
        .send({ email: residente.email, password: PASSWORD_RESIDENTE });
      const desconocido = await t.http
        .post('/auth/login')
        .send({ email: 'nadie-aqui@parknet.test', password: PASSWORD_RESIDENTE });
      esperarError(fallo, 401, 'CREDENCIALES_INVALIDAS');
      expect(fallo.text).toBe(desconocido.text);

      // Idempotent, and no activation can be issued while inactive.
      expect(
        (await t.http.delete(`/residentes/${residente.id}`).set(...bearer(admin))).status,
      ).toBe(204);
      esperarError(
        await t.http.post(`/residentes/${residente.id}/activacion`).set(...bearer(admin)),
        409,
        'RESIDENTE_INACTIVO',
      );
    });

    it('PATCH {activo:false} is the same soft delete', async () => {
      const { residente, sesion } = await crearResidenteActivo(t, admin);
      const res = await t.http
        .patch(`/residentes/${residente.id}`)
        .set(...bearer(admin))
        .send({ activo: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ activo: false, cuenta: 'deshabilitada' });
      expect((await t.http.get('/residentes/me').set(...bearer(sesion))).status).toBe(401);
      expect(
        (
          await t.http
            .post('/auth/login')
            .send({ email: residente.email, password: PASSWORD_RESIDENTE })
        ).status,
      ).toBe(401);
    });

    it('PATCH {activo:true} re-activates; a new activation token replaces the old ones and works once', async () => {
      const creado = await crearOk();
      const tokenOriginal = creado.activacion!.token;
      const email = String(creado.email);
      expect(
        (
          await t.http
            .post('/auth/activar')
            .send({ token: tokenOriginal, password: PASSWORD_RESIDENTE })
        ).status,
      ).toBe(200);
      expect((await t.http.delete(`/residentes/${creado.id}`).set(...bearer(admin))).status).toBe(
        204,
      );

      const re = await t.http
        .patch(`/residentes/${creado.id}`)
        .set(...bearer(admin))
        .send({ activo: true });
      expect(re.status).toBe(200);
      expect(re.body).toMatchObject({ activo: true, cuenta: 'pendiente_activacion' });
      // The old password does not open the re-activated account.
      esperarError(
        await t.http.post('/auth/login').send({ email, password: PASSWORD_RESIDENTE }),
        401,
        'CREDENCIALES_INVALIDAS',
      );

      const t1 = await t.http.post(`/residentes/${creado.id}/activacion`).set(...bearer(admin));
      expect(t1.status).toBe(201);
      expect(t1.body).toEqual({ token: expect.any(String), expiraEn: expect.stringMatching(ISO) });
      const t2 = await t.http.post(`/residentes/${creado.id}/activacion`).set(...bearer(admin));
      expect(t2.status).toBe(201);
      expect(t2.body.token).not.toBe(t1.body.token);

      for (const viejo of [tokenOriginal, t1.body.token as string]) {
        esperarError(
          await t.http.post('/auth/activar').send({ token: viejo, password: OTRA_PASSWORD }),
          400,
          'TOKEN_INVALIDO',
        );
      }
      const ok = await t.http
        .post('/auth/activar')
        .send({ token: t2.body.token, password: OTRA_PASSWORD });
      expect(ok.status).toBe(200);
      expect(ok.body.usuario).toEqual({
        id: expect.stringMatching(OBJECT_ID),
        email,
        rol: 'residente',
        residenteId: creado.id,
      });
      expect((await t.http.get('/residentes/me').set(...bearer(ok.body))).body).toMatchObject({
        cuenta: 'activa',
        activo: true,
      });
      expect(
        (await t.http.post('/auth/login').send({ email, password: OTRA_PASSWORD })).status,
      ).toBe(200);
      esperarError(
        await t.http.post('/auth/activar').send({ token: t2.body.token, password: OTRA_PASSWORD }),
        400,
        'TOKEN_INVALIDO',
      );
    });

    it('POST /:id/activacion on an active account works as an admin-issued password reset', async () => {
      const { residente, sesion } = await crearResidenteActivo(t, admin);
      const act = await t.http.post(`/residentes/${residente.id}/activacion`).set(...bearer(admin));
      expect(act.status).toBe(201);
      // Until it is used, the current password keeps working.
      expect((await t.http.get('/residentes/me').set(...bearer(sesion))).status).toBe(200);
      const ok = await t.http
        .post('/auth/activar')
        .send({ token: act.body.token, password: OTRA_PASSWORD });
      expect(ok.status).toBe(200);
      expect((await t.http.get('/residentes/me').set(...bearer(sesion))).status).toBe(401);
      expect(
        (
          await t.http
            .post('/auth/login')
            .send({ email: residente.email, password: PASSWORD_RESIDENTE })
        ).status,
      ).toBe(401);
      expect(
        (await t.http.post('/auth/login').send({ email: residente.email, password: OTRA_PASSWORD }))
          .status,
      ).toBe(200);
    });
  });

  describe('POST /auth/activar errors', () => {
    it('TOKEN_INVALIDO for unknown, used and expired tokens', async () => {
      esperarError(
        await t.http
          .post('/auth/activar')
          .send({ token: 'no-existe-este-token', password: OTRA_PASSWORD }),
        400,
        'TOKEN_INVALIDO',
      );

      const usado = await crearOk();
      expect(
        (
          await t.http
            .post('/auth/activar')
            .send({ token: usado.activacion!.token, password: OTRA_PASSWORD })
        ).status,
      ).toBe(200);
      esperarError(
        await t.http
          .post('/auth/activar')
          .send({ token: usado.activacion!.token, password: OTRA_PASSWORD }),
        400,
        'TOKEN_INVALIDO',
      );

      const vencido = await crearOk();
      const r = await t.connection
        .collection('usuarios')
        .updateOne(
          { residenteId: new Types.ObjectId(vencido.id) },
          { $set: { activacionExpira: new Date(Date.now() - 1000) } },
        );
      expect(r.modifiedCount).toBe(1);
      esperarError(
        await t.http
          .post('/auth/activar')
          .send({ token: vencido.activacion!.token, password: OTRA_PASSWORD }),
        400,
        'TOKEN_INVALIDO',
      );
      expect(
        (await t.http.get(`/residentes/${vencido.id}`).set(...bearer(admin))).body.cuenta,
      ).toBe('pendiente_activacion');
    });

    it('a token of a resident given de baja is invalid', async () => {
      const r = await crearOk();
      expect((await t.http.delete(`/residentes/${r.id}`).set(...bearer(admin))).status).toBe(204);
      esperarError(
        await t.http
          .post('/auth/activar')
          .send({ token: r.activacion!.token, password: OTRA_PASSWORD }),
        400,
        'TOKEN_INVALIDO',
      );
    });

    it('PASSWORD_DEBIL names the failing rule and does not burn the token', async () => {
      const r = await crearOk();
      const token = r.activacion!.token;
      const casos: Array<[string, RegExp]> = [
        ['corta', /15 caracteres/],
        ['ñ'.repeat(37), /72 bytes/],
        [String(r.email).toUpperCase(), /correo/],
        ['123456789qwerty', /comunes/],
      ];
      for (const [password, regla] of casos) {
        const res = await t.http.post('/auth/activar').send({ token, password });
        esperarError(res, 400, 'PASSWORD_DEBIL');
        expect(res.body.message).toMatch(regla);
      }
      expect(
        (await t.http.post('/auth/activar').send({ token, password: PASSWORD_RESIDENTE })).status,
      ).toBe(200);
    });

    it('validates the body', async () => {
      for (const cuerpo of [
        {},
        { token: 'x' },
        { token: 5, password: OTRA_PASSWORD },
        { token: 'x', password: OTRA_PASSWORD, extra: 1 },
      ]) {
        const res = await t.http.post('/auth/activar').send(cuerpo);
        expect({ cuerpo, status: res.status, code: res.body.code }).toEqual({
          cuerpo,
          status: 400,
          code: 'VALIDACION',
        });
      }
    });
  });

  describe('roles', () => {
    it('a resident calling any admin endpoint gets 403', async () => {
      const { residente, sesion } = await crearResidenteActivo(t, admin);
      const otro = await crearOk();
      const llamadas = [
        t.http
          .post('/residentes')
          .set(...bearer(sesion))
          .send(residenteBody()),
        t.http.get('/residentes').set(...bearer(sesion)),
        t.http.get('/residentes?torre=A').set(...bearer(sesion)),
        t.http
          .patch(`/residentes/${residente.id}`)
          .set(...bearer(sesion))
          .send({ nombre: 'Me Cambio Solo' }),
        t.http
          .patch(`/residentes/${otro.id}`)
          .set(...bearer(sesion))
          .send({ nombre: 'Le Cambio Yo' }),
        t.http.delete(`/residentes/${residente.id}`).set(...bearer(sesion)),
        t.http.delete(`/residentes/${otro.id}`).set(...bearer(sesion)),
        t.http.post(`/residentes/${residente.id}/activacion`).set(...bearer(sesion)),
        t.http.post(`/residentes/${otro.id}/activacion`).set(...bearer(sesion)),
      ];
      for (const res of await Promise.all(llamadas)) esperarError(res, 403, 'PROHIBIDO');
      const yo = await t.http.get(`/residentes/${residente.id}`).set(...bearer(admin));
      expect(yo.body).toMatchObject({ nombre: residente.nombre, activo: true });
      expect((await t.http.get(`/residentes/${otro.id}`).set(...bearer(admin))).body).toMatchObject(
        { nombre: otro.nombre, activo: true },
      );
    });

    it('every residentes endpoint needs a token', async () => {
      const r = await crearOk();
      const llamadas = [
        t.http.post('/residentes').send(residenteBody()),
        t.http.get('/residentes'),
        t.http.get(`/residentes/${r.id}`),
        t.http.patch(`/residentes/${r.id}`).send({ nombre: 'Sin Token' }),
        t.http.delete(`/residentes/${r.id}`),
        t.http.post(`/residentes/${r.id}/activacion`),
        t.http.patch('/residentes/me').send({ telefono: '3001234567' }),
      ];
      for (const res of await Promise.all(llamadas)) esperarError(res, 401, 'NO_AUTENTICADO');
    });
  });
});
