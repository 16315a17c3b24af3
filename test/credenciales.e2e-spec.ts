import type { Response } from 'supertest';
import { AppDePrueba, PASSWORD_RESIDENTE, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';

const NUEVA = 'el río lleva piedras redondas al mar';
const TRABAJADORES = 4;

/**
 * Logins looping with one password until `fin` is set; every 200 is kept. Nothing else but 200
 * and 401 (the password stopped working) is expected.
 */
function loginsEnBucle(
  t: AppDePrueba,
  email: string,
  password: string,
): { fin: () => Promise<SesionPrueba[]>; enMarcha: Promise<void> } {
  const obtenidas: SesionPrueba[] = [];
  const inesperadas: Response[] = [];
  let parar = false;
  let avisar: () => void = () => undefined;
  const enMarcha = new Promise<void>((r) => (avisar = r));
  const exitosPorTrabajador = new Array<number>(TRABAJADORES).fill(0);
  const trabajadores = exitosPorTrabajador.map(async (_, i) => {
    while (!parar) {
      const res = await t.http.post('/auth/login').send({ email, password });
      if (res.status === 200) {
        obtenidas.push(res.body as SesionPrueba);
        exitosPorTrabajador[i] += 1;
        if (exitosPorTrabajador.every((n) => n >= 2)) avisar();
      } else if (res.status !== 401) inesperadas.push(res);
    }
  });
  return {
    enMarcha,
    fin: async () => {
      parar = true;
      await Promise.all(trabajadores);
      expect(inesperadas.map((r) => `${r.status} ${r.text}`)).toEqual([]);
      return obtenidas;
    },
  };
}

async function esperarTodosRechazados(t: AppDePrueba, sesiones: SesionPrueba[]): Promise<void> {
  const vivos: string[] = [];
  for (const s of sesiones) {
    const me = await t.http.get('/auth/me').set(...bearer(s));
    const refresh = await t.http.post('/auth/refresh').send({ refreshToken: s.refreshToken });
    if (me.status !== 401 || refresh.status !== 401)
      vivos.push(`me ${me.status}, refresh ${refresh.status}`);
  }
  expect(vivos).toEqual([]);
}

describe('Credenciales: ninguna sesión abierta con la contraseña vieja sobrevive (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  beforeAll(async () => {
    // A real bcrypt cost widens the window a login in flight spends between reading the account
    // and opening its session; the session cap is raised so that it cannot hide a surviving one.
    t = await crearAppDePrueba({
      LOGIN_MAX_FALLOS_IP: '1000',
      BCRYPT_ROUNDS: '8',
      SESIONES_MAX_POR_USUARIO: '1000',
    });
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
    Object.assign(process.env, { BCRYPT_ROUNDS: '4', SESIONES_MAX_POR_USUARIO: '' });
  });

  it.each([1, 2, 3])(
    'cambiar-password (ronda %i): every token from a login looping with the old password gets 401',
    async () => {
      const { residente, sesion } = await crearResidenteActivo(t, admin);
      const bucle = loginsEnBucle(t, residente.email, PASSWORD_RESIDENTE);
      await bucle.enMarcha;
      const cambio = await t.http
        .post('/auth/cambiar-password')
        .set(...bearer(sesion))
        .send({ passwordActual: PASSWORD_RESIDENTE, passwordNueva: NUEVA });
      expect(cambio.status).toBe(204);
      const viejas = await bucle.fin();
      expect(viejas.length).toBeGreaterThanOrEqual(2 * TRABAJADORES);
      await esperarTodosRechazados(t, viejas);
      // The session that changed the password is kept, and the new password works.
      expect((await t.http.get('/auth/me').set(...bearer(sesion))).status).toBe(200);
      const nueva = await t.http
        .post('/auth/login')
        .send({ email: residente.email, password: NUEVA });
      expect(nueva.status).toBe(200);
    },
  );

  it('baja: every token from a login looping while the resident is disabled gets 401', async () => {
    const { residente, sesion } = await crearResidenteActivo(t, admin);
    const bucle = loginsEnBucle(t, residente.email, PASSWORD_RESIDENTE);
    await bucle.enMarcha;
    expect((await t.http.delete(`/residentes/${residente.id}`).set(...bearer(admin))).status).toBe(
      204,
    );
    const viejas = await bucle.fin();
    expect(viejas.length).toBeGreaterThanOrEqual(2 * TRABAJADORES);
    await esperarTodosRechazados(t, [...viejas, sesion]);
  });

  it('reset by activation: tokens from logins looping with the old password get 401', async () => {
    const { residente } = await crearResidenteActivo(t, admin);
    const emitida = await t.http
      .post(`/residentes/${residente.id}/activacion`)
      .set(...bearer(admin));
    expect(emitida.status).toBe(201);
    const bucle = loginsEnBucle(t, residente.email, PASSWORD_RESIDENTE);
    await bucle.enMarcha;
    const act = await t.http
      .post('/auth/activar')
      .send({ token: emitida.body.token, password: NUEVA });
    expect(act.status).toBe(200);
    const viejas = await bucle.fin();
    expect(viejas.length).toBeGreaterThanOrEqual(2 * TRABAJADORES);
    await esperarTodosRechazados(t, viejas);
    expect((await t.http.get('/auth/me').set(...bearer(act.body))).status).toBe(200);
  });

  it('a baja racing cambiar-password always wins: the account stays disabled', async () => {
    for (let i = 0; i < 4; i++) {
      const { residente, sesion } = await crearResidenteActivo(t, admin);
      const [baja, cambio] = await Promise.all([
        t.http.delete(`/residentes/${residente.id}`).set(...bearer(admin)),
        t.http
          .post('/auth/cambiar-password')
          .set(...bearer(sesion))
          .send({ passwordActual: PASSWORD_RESIDENTE, passwordNueva: NUEVA }),
      ]);
      expect(baja.status).toBe(204);
      // The change either landed before the baja (204) or met a closed session (401).
      expect([204, 401]).toContain(cambio.status);
      for (const password of [PASSWORD_RESIDENTE, NUEVA]) {
        const res = await t.http.post('/auth/login').send({ email: residente.email, password });
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 401,
          code: 'CREDENCIALES_INVALIDAS',
        });
      }
      expect((await t.http.get('/auth/me').set(...bearer(sesion))).status).toBe(401);
    }
  });
});
