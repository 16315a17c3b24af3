import { ADMIN_EMAIL, AppDePrueba, crearAppDePrueba } from './support/app';
import {
  PASSWORD_PERSONAL,
  SesionPrueba,
  bearer,
  crearPersonalActivo,
  crearResidenteActivo,
  login,
  loginAdmin,
  residenteBody,
} from './support/auth-helpers';
import { esperar } from './support/revision';

const UN_ID = '665f1a000000000000000001';

const codigoDe = (r: { status: number; body: { code?: string } }): string =>
  r.status === 204 ? '204' : `${r.status} ${r.body.code}`;

interface Personal {
  id: string;
  email: string;
  rol: string;
  estado: string;
}

describe('Staff accounts: /usuarios (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba({ LOGIN_MAX_FALLOS_IP: '1000' });
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  const crear = (quien: SesionPrueba, body: object) =>
    t.http
      .post('/usuarios')
      .set(...bearer(quien))
      .send(body);
  const retirar = (quien: SesionPrueba, id: string) =>
    t.http.delete(`/usuarios/${id}`).set(...bearer(quien));

  /** Every staff account, page by page (the list is capped at 100 a page). */
  async function todos(quien: SesionPrueba, rol?: string): Promise<Personal[]> {
    const lista: Personal[] = [];
    for (let page = 1; ; page++) {
      const filtro = rol ? `&rol=${rol}` : '';
      const res = await esperar(
        t.http.get(`/usuarios?limit=100&page=${page}${filtro}`).set(...bearer(quien)),
        200,
      );
      lista.push(...(res.body.data as Personal[]));
      if (lista.length >= (res.body.meta.total as number)) return lista;
    }
  }

  it('creates a revisor with a one-time activation token; activation and login work like a resident', async () => {
    const res = await esperar(
      crear(admin, {
        email: '  Revisora@ParkNet.TEST ',
        nombre: ' Carolina Gómez ',
        rol: 'revisor',
      }),
      201,
    );
    expect(res.body).toEqual({
      usuario: {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        email: 'revisora@parknet.test',
        rol: 'revisor',
        residenteId: null,
        nombre: 'Carolina Gómez',
        estado: 'pendiente_activacion',
        createdAt: expect.any(String),
      },
      activacion: { token: expect.any(String), expiraEn: expect.any(String) },
    });
    const token = res.body.activacion.token as string;
    // Pending: no password yet, the same 401 as a wrong one.
    await esperar(
      t.http
        .post('/auth/login')
        .send({ email: 'revisora@parknet.test', password: PASSWORD_PERSONAL }),
      401,
      'CREDENCIALES_INVALIDAS',
    );
    const act = await esperar(
      t.http.post('/auth/activar').send({ token, password: PASSWORD_PERSONAL }),
      200,
    );
    expect(act.body.usuario).toEqual({
      id: res.body.usuario.id,
      email: 'revisora@parknet.test',
      rol: 'revisor',
      residenteId: null,
    });
    await esperar(
      t.http.post('/auth/activar').send({ token, password: PASSWORD_PERSONAL }),
      400,
      'TOKEN_INVALIDO',
    );
    const sesion = await login(t, 'revisora@parknet.test', PASSWORD_PERSONAL);
    const me = await esperar(t.http.get('/auth/me').set(...bearer(sesion)), 200);
    expect(me.body).toEqual(act.body.usuario);
  });

  it('creates an admin who can then do what an admin does', async () => {
    const { usuario, sesion } = await crearPersonalActivo(t, admin, 'admin');
    expect(usuario.rol).toBe('admin');
    const me = await esperar(t.http.get('/auth/me').set(...bearer(sesion)), 200);
    expect(me.body.rol).toBe('admin');
    await esperar(
      t.http
        .post('/residentes')
        .set(...bearer(sesion))
        .send(residenteBody()),
      201,
    );
  });

  it('lists staff only, newest first, filtered by rol; the revisor reads the same list', async () => {
    await crearResidenteActivo(t, admin);
    const { sesion: revisor } = await crearPersonalActivo(t, admin, 'revisor');
    const lista = await todos(admin);
    expect(lista.length).toBeGreaterThanOrEqual(4);
    expect(new Set(lista.map((u) => u.rol))).toEqual(new Set(['admin', 'revisor']));
    expect(lista.map((u) => u.id)).toEqual(
      [...lista.map((u) => u.id)].sort((a, b) => b.localeCompare(a)),
    );
    expect(lista.some((u) => u.email === ADMIN_EMAIL)).toBe(true);
    const revisores = await todos(admin, 'revisor');
    expect(revisores.length).toBe(lista.filter((u) => u.rol === 'revisor').length);
    expect(revisores.every((u) => u.rol === 'revisor')).toBe(true);
    const admins = await todos(admin, 'admin');
    expect(admins.length + revisores.length).toBe(lista.length);
    const pagina = await esperar(t.http.get('/usuarios?limit=1').set(...bearer(admin)), 200);
    expect(pagina.body.data).toHaveLength(1);
    expect(pagina.body.meta).toEqual({ total: lista.length, page: 1, limit: 1 });
    expect(await todos(revisor)).toEqual(lista);
  });

  it('refuses bad input with 400 and other roles with 403', async () => {
    const malos: object[] = [
      {},
      { email: 'no-es-correo', nombre: 'Ana Pérez', rol: 'admin' },
      { email: 'a@parknet.test', nombre: 'A', rol: 'admin' },
      { email: 'a@parknet.test', nombre: 'Ana\u0007Pérez', rol: 'admin' },
      { email: 'a@parknet.test', nombre: 'Ana Pérez', rol: 'residente' },
      { email: 'a@parknet.test', nombre: 'Ana Pérez', rol: 'superadmin' },
      { email: 'a@parknet.test', nombre: 'Ana Pérez', rol: 'admin', activo: true },
      { email: { $gt: '' }, nombre: 'Ana Pérez', rol: 'admin' },
    ];
    for (const body of malos) await esperar(crear(admin, body), 400, 'VALIDACION');
    await esperar(t.http.get('/usuarios?rol=residente').set(...bearer(admin)), 400, 'VALIDACION');
    await esperar(retirar(admin, 'zzz'), 400, 'VALIDACION');
    const { sesion: residente } = await crearResidenteActivo(t, admin);
    const { sesion: revisor } = await crearPersonalActivo(t, admin, 'revisor');
    const valido = { email: 'nuevo@parknet.test', nombre: 'Ana Pérez', rol: 'admin' };
    for (const quien of [residente, revisor]) {
      await esperar(crear(quien, valido), 403, 'PROHIBIDO');
      await esperar(retirar(quien, admin.usuario.id), 403, 'PROHIBIDO');
    }
    await esperar(t.http.get('/usuarios').set(...bearer(residente)), 403, 'PROHIBIDO');
    await esperar(t.http.post('/usuarios').send(valido), 401, 'NO_AUTENTICADO');
  });

  it('keeps one email per account across residents and staff (409 RESIDENTE_DUPLICADO)', async () => {
    const { residente } = await crearResidenteActivo(t, admin);
    const tomado = { email: residente.email, nombre: 'Otra Persona', rol: 'revisor' };
    await esperar(crear(admin, tomado), 409, 'RESIDENTE_DUPLICADO');
    await esperar(crear(admin, { ...tomado, email: ADMIN_EMAIL }), 409, 'RESIDENTE_DUPLICADO');
    const { usuario } = await crearPersonalActivo(t, admin, 'revisor');
    await esperar(
      t.http
        .post('/residentes')
        .set(...bearer(admin))
        .send(residenteBody({ email: usuario.email })),
      409,
      'RESIDENTE_DUPLICADO',
    );
  });

  it('removes a staff account: disabled, its tokens stop at once, idempotent, 404 for others', async () => {
    const { usuario, sesion } = await crearPersonalActivo(t, admin, 'revisor');
    await esperar(t.http.get('/usuarios').set(...bearer(sesion)), 200);
    await esperar(retirar(admin, usuario.id), 204);
    await esperar(t.http.get('/usuarios').set(...bearer(sesion)), 401, 'NO_AUTENTICADO');
    await esperar(
      t.http.post('/auth/refresh').send({ refreshToken: sesion.refreshToken }),
      401,
      'NO_AUTENTICADO',
    );
    await esperar(
      t.http.post('/auth/login').send({ email: usuario.email, password: PASSWORD_PERSONAL }),
      401,
      'CREDENCIALES_INVALIDAS',
    );
    await esperar(retirar(admin, usuario.id), 204);
    const lista = await todos(admin, 'revisor');
    expect(lista.find((u) => u.id === usuario.id)?.estado).toBe('deshabilitada');
    // A pending account's activation token dies with it.
    const pendiente = await esperar(
      crear(admin, { email: 'pendiente@parknet.test', nombre: 'Por Activar', rol: 'admin' }),
      201,
    );
    await esperar(retirar(admin, pendiente.body.usuario.id), 204);
    await esperar(
      t.http
        .post('/auth/activar')
        .send({ token: pendiente.body.activacion.token, password: PASSWORD_PERSONAL }),
      400,
      'TOKEN_INVALIDO',
    );
    const { sesion: residente } = await crearResidenteActivo(t, admin);
    await esperar(retirar(admin, residente.usuario.id), 404, 'NO_ENCONTRADO');
    await esperar(retirar(admin, UN_ID), 404, 'NO_ENCONTRADO');
  });

  describe('the last active admin', () => {
    /** Every admin whose account is active, read by someone who can still read. */
    async function adminsActivos(quien: SesionPrueba): Promise<Personal[]> {
      return (await todos(quien, 'admin')).filter((u) => u.estado === 'activa');
    }

    it('cannot be removed, by anyone, even with pending admins around (409 ULTIMO_ADMIN)', async () => {
      for (const u of await adminsActivos(admin)) {
        if (u.id !== admin.usuario.id) await esperar(retirar(admin, u.id), 204);
      }
      expect((await adminsActivos(admin)).map((u) => u.id)).toEqual([admin.usuario.id]);
      await esperar(
        crear(admin, { email: 'sin-activar@parknet.test', nombre: 'Sin Activar', rol: 'admin' }),
        201,
      );
      await esperar(retirar(admin, admin.usuario.id), 409, 'ULTIMO_ADMIN');
      await esperar(t.http.get('/auth/me').set(...bearer(admin)), 200);
      // With a second active admin the first may go, itself included.
      const { sesion: otro } = await crearPersonalActivo(t, admin, 'admin');
      await esperar(retirar(admin, admin.usuario.id), 204);
      await esperar(t.http.get('/auth/me').set(...bearer(admin)), 401, 'NO_AUTENTICADO');
      await esperar(retirar(otro, otro.usuario.id), 409, 'ULTIMO_ADMIN');
      await esperar(retirar(otro, admin.usuario.id), 204);
      admin = otro;
    });

    it('survives two admins removing each other at the same moment, round after round', async () => {
      for (let ronda = 0; ronda < 6; ronda++) {
        // Exactly two active admins going in: a third would let both removals succeed rightly.
        expect((await adminsActivos(admin)).map((u) => u.id)).toEqual([admin.usuario.id]);
        const { sesion: nuevo } = await crearPersonalActivo(t, admin, 'admin');
        const pares: Array<[SesionPrueba, SesionPrueba]> = [
          [admin, nuevo],
          [nuevo, admin],
        ];
        const respuestas = await Promise.all(
          pares.map(([quien, a]) => retirar(quien, a.usuario.id)),
        );
        const statuses = respuestas.map((r) => r.status);
        // 401: the other removal won and ended this one's session before it got in.
        for (const r of respuestas)
          expect(codigoDe(r)).toMatch(/^(204|401 NO_AUTENTICADO|409 ULTIMO_ADMIN)$/);
        expect(statuses).not.toEqual([204, 204]);
        const vivo =
          (await t.http.get('/auth/me').set(...bearer(admin))).status === 200 ? admin : nuevo;
        const activos = await adminsActivos(vivo);
        expect(activos).toHaveLength(2 - statuses.filter((s) => s === 204).length);
        // Both refused (each saw the other's announcement): one goes now, alone.
        if (activos.length === 2) await esperar(retirar(admin, nuevo.usuario.id), 204);
        admin = vivo;
      }
    });

    it('survives three admins each removing the other two at once', async () => {
      const { sesion: b } = await crearPersonalActivo(t, admin, 'admin');
      const { sesion: c } = await crearPersonalActivo(t, admin, 'admin');
      const grupo = [admin, b, c];
      const pedidos = grupo.flatMap((quien) =>
        grupo.filter((o) => o !== quien).map((o) => retirar(quien, o.usuario.id)),
      );
      expect(pedidos).toHaveLength(6);
      const respuestas = await Promise.all(pedidos);
      for (const r of respuestas)
        expect(codigoDe(r)).toMatch(/^(204|401 NO_AUTENTICADO|409 ULTIMO_ADMIN)$/);
      const vivos: SesionPrueba[] = [];
      for (const s of grupo) {
        if ((await t.http.get('/auth/me').set(...bearer(s))).status === 200) vivos.push(s);
      }
      expect(vivos.length).toBeGreaterThanOrEqual(1);
      expect((await adminsActivos(vivos[0])).map((u) => u.id).sort()).toEqual(
        vivos.map((s) => s.usuario.id).sort(),
      );
      admin = vivos[0];
    });
  });
});
