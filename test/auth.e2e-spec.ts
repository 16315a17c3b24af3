import { createHmac } from 'node:crypto';
import { ADMIN_EMAIL, ADMIN_PASSWORD, AppDePrueba, crearAppDePrueba } from './support/app';
import { bearer, loginAdmin } from './support/auth-helpers';

describe('Auth (e2e)', () => {
  let t: AppDePrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba({ LOGIN_MAX_FALLOS_IP: '1000' });
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('logs the first admin in and returns a Sesion', async () => {
    const res = await t.http
      .post('/auth/login')
      .send({ email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      usuario: {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        email: ADMIN_EMAIL,
        rol: 'admin',
        residenteId: null,
      },
    });
    const me = await t.http.get('/auth/me').set(...bearer(res.body));
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.usuario);
  });

  it('gives byte-identical 401s for an unknown email and a wrong password', async () => {
    const a = await t.http
      .post('/auth/login')
      .send({ email: 'nadie@parknet.test', password: 'x'.repeat(20) });
    const b = await t.http
      .post('/auth/login')
      .send({ email: ADMIN_EMAIL, password: 'x'.repeat(20) });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.text).toBe(b.text);
    expect(a.body.code).toBe('CREDENCIALES_INVALIDAS');
  });

  it('rotates refresh tokens and revokes the whole session on reuse', async () => {
    const s1 = await loginAdmin(t);
    const r1 = await t.http.post('/auth/refresh').send({ refreshToken: s1.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(s1.refreshToken);
    const reuse = await t.http.post('/auth/refresh').send({ refreshToken: s1.refreshToken });
    expect(reuse.status).toBe(401);
    expect(
      (await t.http.post('/auth/refresh').send({ refreshToken: r1.body.refreshToken })).status,
    ).toBe(401);
    expect((await t.http.get('/auth/me').set(...bearer(r1.body))).status).toBe(401);
    expect((await t.http.get('/auth/me').set(...bearer(s1))).status).toBe(401);
  });

  it('answers an unknown refresh token with a plain 401 that revokes nothing', async () => {
    const s = await loginAdmin(t);
    for (let i = 0; i < 2; i++) {
      expect(
        (await t.http.post('/auth/refresh').send({ refreshToken: `${s.refreshToken}x` })).status,
      ).toBe(401);
    }
    expect((await t.http.get('/auth/me').set(...bearer(s))).status).toBe(200);
    expect((await t.http.post('/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(
      200,
    );
  });

  it('gives exactly one 200 for ten concurrent refreshes with one token', async () => {
    const s = await loginAdmin(t);
    const res = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http.post('/auth/refresh').send({ refreshToken: s.refreshToken }),
      ),
    );
    expect(res.filter((r) => r.status === 200)).toHaveLength(1);
    expect(res.filter((r) => r.status === 401)).toHaveLength(9);
  });

  it('logout ends the session at once but not other sessions', async () => {
    const a = await loginAdmin(t);
    const b = await loginAdmin(t);
    expect((await t.http.post('/auth/logout').set(...bearer(a))).status).toBe(204);
    expect((await t.http.get('/auth/me').set(...bearer(a))).status).toBe(401);
    expect((await t.http.post('/auth/refresh').send({ refreshToken: a.refreshToken })).status).toBe(
      401,
    );
    expect((await t.http.get('/auth/me').set(...bearer(b))).status).toBe(200);
  });

  it('rejects foreign, unsigned, garbled and refresh tokens as bearer', async () => {
    const s = await loginAdmin(t);
    const [h, p] = s.accessToken.split('.');
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const otraFirma = createHmac('sha256', 'otra-clave-de-al-menos-treinta-y-dos-bytes')
      .update(`${h}.${p}`)
      .digest('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`;
    for (const token of [
      `${h}.${p}.${otraFirma}`,
      none,
      'garbage',
      s.refreshToken,
      `${s.accessToken}x`,
    ]) {
      const res = await t.http.get('/auth/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('NO_AUTENTICADO');
    }
    expect((await t.http.get('/auth/me')).status).toBe(401);
  });

  it('throttles the 11th failure in a row for one email with Retry-After', async () => {
    const email = 'victima@parknet.test';
    for (let i = 0; i < 10; i++) {
      expect(
        (await t.http.post('/auth/login').send({ email, password: 'equivocada' })).status,
      ).toBe(401);
    }
    const res = await t.http.post('/auth/login').send({ email, password: 'equivocada' });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('DEMASIADOS_INTENTOS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('changes the password, revoking every other session', async () => {
    const a = await loginAdmin(t);
    const b = await loginAdmin(t);
    const nueva = 'otra frase larga para la junta directiva';
    const weak = await t.http
      .post('/auth/cambiar-password')
      .set(...bearer(a))
      .send({ passwordActual: ADMIN_PASSWORD, passwordNueva: 'corta' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_DEBIL');
    const wrong = await t.http
      .post('/auth/cambiar-password')
      .set(...bearer(a))
      .send({ passwordActual: 'no es esta la clave', passwordNueva: nueva });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'PASSWORD_ACTUAL_INCORRECTA']);
    const ok = await t.http
      .post('/auth/cambiar-password')
      .set(...bearer(a))
      .send({ passwordActual: ADMIN_PASSWORD, passwordNueva: nueva });
    expect(ok.status).toBe(204);
    expect((await t.http.get('/auth/me').set(...bearer(a))).status).toBe(200);
    expect((await t.http.get('/auth/me').set(...bearer(b))).status).toBe(401);
    const back = await t.http
      .post('/auth/cambiar-password')
      .set(...bearer(a))
      .send({ passwordActual: nueva, passwordNueva: ADMIN_PASSWORD });
    expect(back.status).toBe(204);
  });
});
