import type { Response } from 'supertest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  AppDePrueba,
  PASSWORD_RESIDENTE,
  crearAppDePrueba,
} from './support/app';
import { bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';

const MALA = 'esta no es la contraseña correcta';

function esperar429(res: Response): void {
  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 429,
    code: 'DEMASIADOS_INTENTOS',
  });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

function esperar401(res: Response): void {
  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 401,
    code: 'CREDENCIALES_INVALIDAS',
  });
}

/** Behind one trusted proxy, X-Forwarded-For names the client address the limits count. */
function loginDesde(t: AppDePrueba, ip: string, email: string, password: string) {
  return t.http.post('/auth/login').set('X-Forwarded-For', ip).send({ email, password });
}

const ENTORNO_BASE = {
  TRUST_PROXY: '1',
  LOGIN_MAX_FALLOS_IP: '',
  LOGIN_MAX_FALLOS_EMAIL: '',
  LOGIN_MAX_FALLOS_EMAIL_TOTAL: '',
  SESIONES_MAX_POR_USUARIO: '',
  LIMITE_SOLICITUDES_POR_MINUTO: '',
};

describe('Límites de login con los valores por defecto (e2e)', () => {
  let t: AppDePrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba(ENTORNO_BASE);
  });
  afterAll(async () => {
    await t.cerrar();
    Object.assign(process.env, { TRUST_PROXY: '' });
  });

  it('a stranger failing from one address cannot lock the admin out', async () => {
    for (let i = 0; i < 10; i++) esperar401(await loginDesde(t, '203.0.113.7', ADMIN_EMAIL, MALA));
    esperar429(await loginDesde(t, '203.0.113.7', ADMIN_EMAIL, MALA));
    esperar429(await loginDesde(t, '203.0.113.7', ADMIN_EMAIL, ADMIN_PASSWORD));
    const real = await loginDesde(t, '198.51.100.20', ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(real.status).toBe(200);
  });

  it('stops one email after 100 failures from all addresses together', async () => {
    const admin = await loginAdmin(t);
    const { residente } = await crearResidenteActivo(t, admin);
    for (let red = 0; red < 10; red++) {
      for (let i = 0; i < 10; i++)
        esperar401(await loginDesde(t, `192.0.2.${red + 1}`, residente.email, MALA));
    }
    // From a fresh address, and even with the right password: the email is paused for everyone.
    esperar429(await loginDesde(t, '192.0.2.200', residente.email, PASSWORD_RESIDENTE));
    // Another email from that address is unaffected.
    expect((await loginDesde(t, '192.0.2.200', ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  });

  it('throttles cambiar-password like login: wrong current passwords end in 429', async () => {
    const admin = await loginAdmin(t);
    const { sesion } = await crearResidenteActivo(t, admin);
    const intentar = (actual: string) =>
      t.http
        .post('/auth/cambiar-password')
        .set('X-Forwarded-For', '198.51.100.30')
        .set(...bearer(sesion))
        .send({ passwordActual: actual, passwordNueva: 'un cuaderno de tapas rojas' });
    for (let i = 0; i < 10; i++) {
      const res = await intentar(MALA);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 400,
        code: 'PASSWORD_ACTUAL_INCORRECTA',
      });
    }
    esperar429(await intentar(MALA));
    esperar429(await intentar(PASSWORD_RESIDENTE));
  });

  it('keeps at most 20 open sessions per user: the oldest is revoked', async () => {
    const admin = await loginAdmin(t);
    const { residente, sesion: primera } = await crearResidenteActivo(t, admin);
    const sesiones = [primera];
    for (let i = 0; i < 20; i++) {
      const res = await loginDesde(t, '198.51.100.40', residente.email, PASSWORD_RESIDENTE);
      expect(res.status).toBe(200);
      sesiones.push(res.body);
    }
    expect(sesiones).toHaveLength(21);
    expect((await t.http.get('/auth/me').set(...bearer(primera))).status).toBe(401);
    for (const s of sesiones.slice(1))
      expect((await t.http.get('/auth/me').set(...bearer(s))).status).toBe(200);
  });
});

describe('Límite por dirección, con IPv6 contado por /64 (e2e)', () => {
  let t: AppDePrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba({ ...ENTORNO_BASE, LOGIN_MAX_FALLOS_IP: '5' });
  });
  afterAll(async () => {
    await t.cerrar();
    Object.assign(process.env, { TRUST_PROXY: '', LOGIN_MAX_FALLOS_IP: '' });
  });

  it('counts every address of one /64 together, whatever the email', async () => {
    for (let i = 1; i <= 5; i++)
      esperar401(await loginDesde(t, `2001:db8:1:2::${i}`, `nadie${i}@parknet.test`, MALA));
    esperar429(await loginDesde(t, '2001:db8:1:2:ffff::99', 'otro@parknet.test', MALA));
    // The next /64 is another network.
    const vecina = await loginDesde(t, '2001:db8:1:3::1', ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(vecina.status).toBe(200);
  });
});

describe('Límite de solicitudes por usuario (e2e)', () => {
  let t: AppDePrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba({ ...ENTORNO_BASE, LIMITE_SOLICITUDES_POR_MINUTO: '8' });
  });
  afterAll(async () => {
    await t.cerrar();
    Object.assign(process.env, { TRUST_PROXY: '', LIMITE_SOLICITUDES_POR_MINUTO: '' });
  });

  it('answers 429 with Retry-After past the per-user limit, and only to that user', async () => {
    const admin = await loginAdmin(t);
    const { sesion } = await crearResidenteActivo(t, admin);
    for (let i = 0; i < 8; i++)
      expect((await t.http.get('/auth/me').set(...bearer(sesion))).status).toBe(200);
    const pasado = await t.http.get('/auth/me').set(...bearer(sesion));
    expect({ status: pasado.status, code: pasado.body.code }).toEqual({
      status: 429,
      code: 'DEMASIADOS_INTENTOS',
    });
    const espera = Number(pasado.headers['retry-after']);
    expect(espera).toBeGreaterThan(0);
    expect(espera).toBeLessThanOrEqual(60);
    expect((await t.http.get('/auth/me').set(...bearer(admin))).status).toBe(200);
    expect((await t.http.get('/health')).status).toBe(200);
  });
});
