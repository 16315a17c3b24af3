import type { Test } from 'supertest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, AppDePrueba, crearAppDePrueba } from './support/app';
import {
  SesionPrueba,
  bearer,
  crearResidenteActivo,
  loginAdmin,
  residenteBody,
} from './support/auth-helpers';
import { esperar, respuestasRevisadas, revisar } from './support/revision';

describe('Seguridad (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let residente: Awaited<ReturnType<typeof crearResidenteActivo>>;

  beforeAll(async () => {
    t = await crearAppDePrueba({
      LOGIN_MAX_FALLOS_IP: '1000',
      CORS_ORIGINS: '',
      BODY_LIMIT_BYTES: '',
    });
    admin = await loginAdmin(t);
    residente = await crearResidenteActivo(t, admin);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('rejects unknown fields in every body with 400 VALIDACION (rejected, not dropped)', async () => {
    const rid = residente.residente.id;
    const casos: Test[] = [
      t.http
        .post('/auth/login')
        .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, rol: 'admin' }),
      t.http.post('/auth/refresh').send({ refreshToken: admin.refreshToken, extra: true }),
      t.http
        .post('/auth/activar')
        .send({ token: 'x', password: 'una frase larga cualquiera', residenteId: rid }),
      t.http
        .post('/auth/cambiar-password')
        .set(...bearer(admin))
        .send({ passwordActual: ADMIN_PASSWORD, passwordNueva: 'otra frase muy larga aqui', x: 1 }),
      t.http
        .post('/residentes')
        .set(...bearer(admin))
        .send({ ...residenteBody(), rol: 'admin' }),
      t.http
        .post('/residentes')
        .set(...bearer(admin))
        .send(residenteBody({ documento: { tipo: 'CC', numero: '123456', pais: 'CO' } })),
      t.http
        .patch(`/residentes/${rid}`)
        .set(...bearer(admin))
        .send({ nombre: 'Válido Nombre', passwordHash: 'x' }),
      t.http
        .patch('/residentes/me')
        .set(...bearer(residente.sesion))
        .send({ telefono: '3001234567', email: 'x@y.co' }),
    ];
    for (const req of casos) await esperar(req, 400, 'VALIDACION');
    // The login with the extra field did not succeed silently either: the admin's data are unchanged.
    const leido = await esperar(t.http.get(`/residentes/${rid}`).set(...bearer(admin)), 200);
    expect(leido.body.nombre).toBe(residente.residente.nombre);
  });

  it('rejects query operators where a value is expected, in bodies', async () => {
    const casos: Test[] = [
      t.http.post('/auth/login').send({ email: { $gt: '' }, password: ADMIN_PASSWORD }),
      t.http.post('/auth/login').send({ email: ADMIN_EMAIL, password: { $ne: '' } }),
      t.http.post('/auth/refresh').send({ refreshToken: { $gt: '' } }),
      t.http
        .post('/auth/activar')
        .send({ token: { $ne: null }, password: 'una frase larga cualquiera' }),
      t.http
        .post('/residentes')
        .set(...bearer(admin))
        .send(residenteBody({ documento: { tipo: 'CC', numero: { $gt: '' } } })),
      t.http
        .post('/residentes')
        .set(...bearer(admin))
        .send(residenteBody({ email: { $gt: '' } })),
      t.http
        .post('/residentes')
        .set(...bearer(admin))
        .send(residenteBody({ torre: { $regex: '.*' } })),
      t.http
        .patch('/residentes/me')
        .set(...bearer(residente.sesion))
        .send({ telefono: { $ne: null } }),
    ];
    for (const req of casos) await esperar(req, 400, 'VALIDACION');
  });

  it('rejects query operators and arrays in query strings', async () => {
    for (const qs of [
      'q[$ne]=null',
      'activo[$ne]=x',
      'torre[$regex]=.*',
      'alDia[$exists]=true',
      'q=a&q=b',
      'page[$gt]=0',
      'limit=5&limit=6',
    ]) {
      await esperar(t.http.get(`/residentes?${qs}`).set(...bearer(admin)), 400, 'VALIDACION');
    }
  });

  it('rejects path ids that are not ObjectIds', async () => {
    for (const id of ['123', '%7B%22%24ne%22%3Anull%7D', 'null', '0123456789abcdef0123456g']) {
      await esperar(t.http.get(`/residentes/${id}`).set(...bearer(admin)), 400, 'VALIDACION');
    }
  });

  it('answers malformed JSON with 400 in the contract shape', async () => {
    for (const raw of ['{"email": ', '{email: "a"}', '[1,2', '"texto"x', '{"a":1}}']) {
      await esperar(
        t.http.post('/auth/login').set('Content-Type', 'application/json').send(raw),
        400,
        'VALIDACION',
      );
    }
  });

  it('refuses prototype pollution in JSON bodies', async () => {
    for (const raw of [
      `{"email":"${ADMIN_EMAIL}","password":"x","__proto__":{"rol":"admin"}}`,
      `{"email":"${ADMIN_EMAIL}","password":"x","constructor":{"prototype":{"rol":"admin"}}}`,
    ]) {
      const res = await revisar(
        t.http.post('/auth/login').set('Content-Type', 'application/json').send(raw),
      );
      expect(res.status).toBe(400);
    }
    expect(({} as Record<string, unknown>).rol).toBeUndefined();
  });

  it('answers non-JSON bodies with 4xx in the contract shape', async () => {
    await esperar(
      t.http.post('/auth/login').set('Content-Type', 'application/xml').send('<login/>'),
      415,
      'TIPO_CONTENIDO_NO_SOPORTADO',
    );
    // Fastify parses text/plain as a string, which is not the object the DTO expects.
    await esperar(
      t.http.post('/auth/login').set('Content-Type', 'text/plain').send('email=a&password=b'),
      400,
      'VALIDACION',
    );
  });

  it('answers a body over the default 1 MiB limit with 413 in the contract shape', async () => {
    const grande = JSON.stringify({ email: ADMIN_EMAIL, password: 'x'.repeat(1_048_576) });
    await esperar(
      t.http.post('/auth/login').set('Content-Type', 'application/json').send(grande),
      413,
      'CUERPO_DEMASIADO_GRANDE',
    );
    const justo = JSON.stringify({ email: ADMIN_EMAIL, password: 'x'.repeat(1_000_000) });
    // Under the limit the body is parsed and validated (password too long), not refused for size.
    await esperar(
      t.http.post('/auth/login').set('Content-Type', 'application/json').send(justo),
      400,
      'VALIDACION',
    );
  });

  it('answers unknown routes with 404 in the contract shape', async () => {
    await esperar(t.http.get('/no-existe'), 404, 'NO_ENCONTRADO');
    await esperar(t.http.get('/no-existe').set(...bearer(admin)), 404, 'NO_ENCONTRADO');
    await esperar(
      t.http
        .put('/residentes')
        .set(...bearer(admin))
        .send({}),
      404,
      'NO_ENCONTRADO',
    );
    await esperar(t.http.post('/health'), 404, 'NO_ENCONTRADO');
  });

  it('sends helmet security headers on successes and on errors', async () => {
    for (const res of [
      await revisar(t.http.get('/health')),
      await revisar(t.http.get('/no-existe')),
    ]) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringContaining('max-age='),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'x-dns-prefetch-control': 'off',
      });
      expect(res.headers).not.toHaveProperty('x-powered-by');
    }
  });

  it('sends no CORS headers when no origin is configured', async () => {
    const res = await revisar(t.http.get('/health').set('Origin', 'https://cualquiera.example'));
    expect(res.headers).not.toHaveProperty('access-control-allow-origin');
    const pre = await t.http
      .options('/residentes')
      .set('Origin', 'https://cualquiera.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(pre.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('walks a whole session and finds nothing internal in any response', async () => {
    const antes = respuestasRevisadas();
    const s = await esperar(
      t.http.post('/auth/login').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      200,
    );
    const r = await esperar(
      t.http.post('/auth/refresh').send({ refreshToken: s.body.refreshToken }),
      200,
    );
    const sesion = r.body as SesionPrueba;
    await esperar(t.http.get('/auth/me').set(...bearer(sesion)), 200);
    const creado = await esperar(
      t.http
        .post('/residentes')
        .set(...bearer(sesion))
        .send(residenteBody()),
      201,
    );
    const id = creado.body.id as string;
    await esperar(t.http.get('/residentes').set(...bearer(sesion)), 200);
    await esperar(t.http.get(`/residentes/${id}`).set(...bearer(sesion)), 200);
    await esperar(
      t.http
        .patch(`/residentes/${id}`)
        .set(...bearer(sesion))
        .send({ nombre: 'Nombre Revisado' }),
      200,
    );
    const act = await esperar(
      t.http.post(`/residentes/${id}/activacion`).set(...bearer(sesion)),
      201,
    );
    const propia = await esperar(
      t.http
        .post('/auth/activar')
        .send({ token: act.body.token, password: 'mi frase secreta de residente' }),
      200,
    );
    await esperar(t.http.get('/residentes/me').set(...bearer(propia.body)), 200);
    await esperar(
      t.http
        .patch('/residentes/me')
        .set(...bearer(propia.body))
        .send({ telefono: '3109876543' }),
      200,
    );
    await esperar(t.http.get('/residentes').set(...bearer(propia.body)), 403, 'PROHIBIDO');
    await esperar(
      t.http
        .post('/auth/activar')
        .send({ token: act.body.token, password: 'mi frase secreta de residente' }),
      400,
      'TOKEN_INVALIDO',
    );
    await esperar(
      t.http.post('/auth/login').send({ email: 'nadie@parknet.test', password: 'x' }),
      401,
      'CREDENCIALES_INVALIDAS',
    );
    await esperar(
      t.http.post('/auth/refresh').send({ refreshToken: s.body.refreshToken }),
      401,
      'NO_AUTENTICADO',
    );
    await esperar(t.http.delete(`/residentes/${id}`).set(...bearer(admin)), 204);
    await esperar(t.http.get('/residentes/me').set(...bearer(propia.body)), 401, 'NO_AUTENTICADO');
    await esperar(t.http.get('/health'), 200);
    await esperar(t.http.get('/docs-json'), 200);
    expect(respuestasRevisadas() - antes).toBe(19);
  });
});

describe('Seguridad con configuración propia (e2e)', () => {
  const ADMIN_WEB = 'https://admin.conjunto.co';
  const APP_WEB = 'https://app.conjunto.co:8443';
  let t: AppDePrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba({
      CORS_ORIGINS: `${ADMIN_WEB}, ${APP_WEB}`,
      BODY_LIMIT_BYTES: '2048',
    });
  });
  afterAll(async () => {
    await t.cerrar();
    Object.assign(process.env, { CORS_ORIGINS: '', BODY_LIMIT_BYTES: '' });
  });

  it('allows CORS only for the configured origins', async () => {
    for (const origen of [ADMIN_WEB, APP_WEB]) {
      const res = await revisar(t.http.get('/health').set('Origin', origen));
      expect(res.headers['access-control-allow-origin']).toBe(origen);
      const pre = await t.http
        .options('/residentes')
        .set('Origin', origen)
        .set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(pre.status).toBeLessThan(300);
      expect(pre.headers['access-control-allow-origin']).toBe(origen);
      expect(pre.headers['access-control-allow-methods']).toContain('PATCH');
      expect(pre.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
    }
    for (const origen of [
      'https://otro.example',
      'https://admin.conjunto.co.evil.example',
      'http://admin.conjunto.co',
    ]) {
      const res = await revisar(t.http.get('/health').set('Origin', origen));
      expect(res.headers).not.toHaveProperty('access-control-allow-origin');
    }
  });

  it('applies BODY_LIMIT_BYTES: over it 413, under it parsed', async () => {
    const cuerpo = (n: number): string =>
      JSON.stringify({ email: ADMIN_EMAIL, password: 'x'.repeat(n) });
    await esperar(
      t.http.post('/auth/login').set('Content-Type', 'application/json').send(cuerpo(3000)),
      413,
      'CUERPO_DEMASIADO_GRANDE',
    );
    await esperar(
      t.http.post('/auth/login').set('Content-Type', 'application/json').send(cuerpo(1500)),
      400,
      'VALIDACION',
    );
  });
});
