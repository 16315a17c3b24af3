import request from 'supertest';
import type { Response } from 'supertest';
import { AppDePrueba, PASSWORD_RESIDENTE } from './support/app';
import { bearer, crearResidenteActivo, residenteBody, SesionPrueba } from './support/auth-helpers';
import { CorreoDePrueba, esperar } from './support/correo-prueba';

const PASSWORD = 'mi bicicleta roja duerme en el sotano';

let ips = 0;
/** Each registration from its own address (behind the trusted proxy), except where a test says. */
const otraIp = (): string => `198.51.100.${++ips}`;

/** A self-registration body: what POST /residentes takes minus the priority attributes. */
function registroBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  const { nombre, documento, email, telefono, torre, apartamento, tipo } = residenteBody();
  return {
    nombre,
    documento,
    email,
    telefono,
    torre,
    apartamento,
    tipo,
    password: PASSWORD,
    ...over,
  };
}

describe('Autorregistro (e2e, SMTP real, dos instancias)', () => {
  const c = new CorreoDePrueba();
  const buzon = c.buzon;
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let revisor: SesionPrueba;
  /** The second instance on the same database, without the contract wrapper. */
  const segunda = () => request(c.segunda.getHttpServer());

  const registrar = (body: Record<string, unknown>, ip = otraIp()) =>
    t.http.post('/auth/registro').set('X-Forwarded-For', ip).send(body);
  const login = (email: unknown, password: string) =>
    t.http.post('/auth/login').send({ email, password });
  const codigo = (res: Response) => ({ status: res.status, code: res.body.code as unknown });

  /** The verification token from the e-mail the address received. */
  async function tokenDe(email: string): Promise<string> {
    const conEnlace = () =>
      buzon.para(email).find((m) => m.asunto.startsWith('Confirme su correo'));
    await esperar(() => conEnlace() !== undefined, `el enlace de verificación de ${email}`);
    const m = /https:\/\/parknet\.test\/verificar-correo\?token=([A-Za-z0-9_-]+)/.exec(
      conEnlace()!.cuerpo,
    );
    expect(m).not.toBeNull();
    return m![1];
  }

  /** Registers and verifies; returns the resident's id from the administration's queue. */
  async function registroPendiente(body: Record<string, unknown>): Promise<string> {
    expect((await registrar(body)).status).toBe(202);
    const token = await tokenDe(body.email as string);
    expect((await t.http.post('/auth/verificar-correo').send({ token })).status).toBe(200);
    const cola = await t.http
      .get('/residentes')
      .query({ registro: 'pendiente' })
      .set(...bearer(admin));
    const r = (cola.body.data as Array<{ id: string; email: string }>).find(
      (x) => x.email === body.email,
    );
    expect(r).toBeDefined();
    return r!.id;
  }

  beforeAll(async () => {
    Object.assign(process.env, { TRUST_PROXY: '1', REGISTRO_MAX_POR_IP: '3' });
    await c.iniciar();
    ({ t, admin, revisor } = c);
  });
  afterAll(async () => {
    await c.cerrar();
    Object.assign(process.env, { TRUST_PROXY: '', REGISTRO_MAX_POR_IP: '' });
  });

  it('register → verification e-mail → verify → queue → approve → e-mail → login', async () => {
    const body = registroBody();
    const email = body.email as string;
    const res = await registrar(body);
    expect(res.status).toBe(202);
    expect(Object.keys(res.body)).toEqual(['mensaje']);
    const token = await tokenDe(email);

    // Before verification and before approval: the right password learns it waits, a wrong one not.
    expect(codigo(await login(email, PASSWORD))).toEqual({
      status: 403,
      code: 'REGISTRO_PENDIENTE',
    });
    expect(codigo(await login(email, `${PASSWORD} no`))).toEqual({
      status: 401,
      code: 'CREDENCIALES_INVALIDAS',
    });
    const verif = await t.http.post('/auth/verificar-correo').send({ token });
    expect(verif.status).toBe(200);
    expect(typeof verif.body.mensaje).toBe('string');
    const otraVez = await t.http.post('/auth/verificar-correo').send({ token });
    expect(codigo(otraVez)).toEqual({ status: 400, code: 'TOKEN_INVALIDO' });
    await esperar(
      () => buzon.para(email).some((m) => m.asunto === 'Recibimos su registro en ParkNet'),
      'el aviso de registro recibido',
    );
    expect(codigo(await login(email, PASSWORD))).toEqual({
      status: 403,
      code: 'REGISTRO_PENDIENTE',
    });

    let id = '';
    for (const quien of [admin, revisor]) {
      const cola = await t.http
        .get('/residentes')
        .query({ registro: 'pendiente' })
        .set(...bearer(quien));
      expect(cola.status).toBe(200);
      const r = (cola.body.data as Array<Record<string, unknown>>).find((x) => x.email === email);
      expect(r).toMatchObject({
        nombre: body.nombre,
        registro: 'pendiente',
        cuenta: 'pendiente_activacion',
        discapacidad: false,
        fechaNacimiento: null,
        fechaIngreso: null,
      });
      id = r!.id as string;
    }
    const delRevisor = await t.http
      .post(`/residentes/${id}/registro/aprobar`)
      .set(...bearer(revisor));
    expect(codigo(delRevisor)).toEqual({ status: 403, code: 'PROHIBIDO' });
    const activacion = await t.http.post(`/residentes/${id}/activacion`).set(...bearer(admin));
    expect(codigo(activacion)).toEqual({ status: 409, code: 'REGISTRO_NO_APROBADO' });

    // Approved on the other instance: the decision lives in the database, not in a process.
    const aprobado = await segunda()
      .post(`/residentes/${id}/registro/aprobar`)
      .set(...bearer(admin));
    expect(aprobado.status).toBe(200);
    expect(aprobado.body).toMatchObject({
      id,
      registro: 'aprobado',
      cuenta: 'activa',
      activo: true,
    });
    await esperar(
      () => buzon.para(email).some((m) => m.asunto === 'Su registro en ParkNet fue aprobado'),
      'el correo de aprobación',
    );
    const sesion = await login(email, PASSWORD);
    expect(sesion.status).toBe(200);
    expect(sesion.body.usuario).toMatchObject({ email, rol: 'residente', residenteId: id });
    const otra = await t.http.post(`/residentes/${id}/registro/aprobar`).set(...bearer(admin));
    expect(codigo(otra)).toEqual({ status: 409, code: 'REGISTRO_NO_PENDIENTE' });
    // Every message to this address went to it alone, and no other registrant's data is in them.
    for (const m of buzon.para(email)) expect(m.para).toEqual([email]);
  });

  it('answers a taken email or documento with the same 202, creates nothing, tells only the mailbox', async () => {
    const { residente } = await crearResidenteActivo(t, admin);
    const libre = registroBody();
    const conDocumentoTomado = registroBody({ documento: residente.documento });
    const respuestas = [
      await registrar(registroBody({ email: residente.email })),
      await registrar(conDocumentoTomado),
      await registrar(libre),
    ];
    for (const r of respuestas) {
      expect(r.status).toBe(202);
      expect(r.body).toEqual(respuestas[2].body);
    }
    const residentes = t.connection.collection('residentes');
    expect(await residentes.countDocuments({ email: residente.email })).toBe(1);
    expect(
      await residentes.countDocuments({
        'documento.numero': (residente.documento as { numero: string }).numero,
      }),
    ).toBe(1);
    await esperar(
      () => buzon.para(residente.email).some((m) => m.asunto.startsWith('Intento de registro')),
      'el aviso al dueño del correo',
    );
    const nuevo = conDocumentoTomado.email as string;
    await esperar(() => buzon.para(nuevo).length > 0, 'el aviso al correo nuevo');
    expect(buzon.para(nuevo).map((m) => m.asunto)).toEqual([
      'Su registro en ParkNet no pudo continuar',
    ]);
    expect(await t.connection.collection('usuarios').countDocuments({ email: nuevo })).toBe(0);
    // Only the free registration got a verification link; the owner's account did not change.
    await tokenDe(libre.email as string);
    expect(buzon.para(residente.email).some((m) => m.cuerpo.includes('verificar-correo'))).toBe(
      false,
    );
    expect((await login(residente.email, PASSWORD_RESIDENTE)).status).toBe(200);
  });

  it('never takes a priority attribute from the person', async () => {
    for (const extra of [
      { discapacidad: true },
      { fechaNacimiento: '1940-01-01' },
      { alDia: true },
      { fechaIngreso: '2001-01-01' },
      { registro: 'aprobado' },
    ]) {
      const body = registroBody(extra);
      const res = await registrar(body);
      expect(codigo(res)).toEqual({ status: 400, code: 'VALIDACION' });
      expect(
        await t.connection.collection('residentes').countDocuments({ email: body.email }),
      ).toBe(0);
    }
  });

  it('rejects with motivo: e-mailed, inactive, and its password no longer opens anything', async () => {
    const body = registroBody();
    const id = await registroPendiente(body);
    const delRevisor = await t.http
      .post(`/residentes/${id}/registro/rechazar`)
      .set(...bearer(revisor))
      .send({ motivo: 'No vive en el conjunto' });
    expect(codigo(delRevisor)).toEqual({ status: 403, code: 'PROHIBIDO' });
    const rechazo = await t.http
      .post(`/residentes/${id}/registro/rechazar`)
      .set(...bearer(admin))
      .send({ motivo: 'El apartamento <b>B-2</b> no existe' });
    expect(rechazo.status).toBe(200);
    expect(rechazo.body).toMatchObject({
      registro: 'rechazado',
      activo: false,
      cuenta: 'deshabilitada',
    });
    const email = body.email as string;
    await esperar(
      () => buzon.para(email).some((m) => m.asunto === 'Su registro en ParkNet no fue aprobado'),
      'el correo de rechazo',
    );
    const correo = buzon.para(email).find((m) => m.asunto.includes('no fue aprobado'));
    expect(correo?.cuerpo).toContain('Motivo: El apartamento <b>B-2</b> no existe.');
    expect(correo?.cuerpo).toContain('&lt;b&gt;B-2&lt;/b&gt;');
    expect(codigo(await login(email, PASSWORD))).toEqual({
      status: 401,
      code: 'CREDENCIALES_INVALIDAS',
    });
    const aprobar = await t.http.post(`/residentes/${id}/registro/aprobar`).set(...bearer(admin));
    expect(codigo(aprobar)).toEqual({ status: 409, code: 'REGISTRO_NO_PENDIENTE' });
  });

  it('lets exactly one of concurrent approvals and rejections win, on two instances', async () => {
    const body = registroBody();
    const id = await registroPendiente(body);
    const peticiones = [0, 1, 2, 3, 4, 5].map((i) => {
      const http = i % 2 === 0 ? t.http : segunda();
      const ruta = `/residentes/${id}/registro/${i < 3 ? 'aprobar' : 'rechazar'}`;
      const req = http.post(ruta).set(...bearer(admin));
      return i < 3 ? req : req.send({ motivo: 'Duplicado' });
    });
    const res = await Promise.all(peticiones);
    const ganadoras = res.filter((r) => r.status === 200);
    expect(ganadoras).toHaveLength(1);
    for (const r of res.filter((x) => x.status !== 200))
      expect(codigo(r)).toEqual({ status: 409, code: 'REGISTRO_NO_PENDIENTE' });
    const final = await t.http.get(`/residentes/${id}`).set(...bearer(admin));
    expect(final.body.registro).toBe(ganadoras[0].body.registro);
    const claves = await c
      .outbox()
      .find({ _id: { $regex: `^registro:${id}:(aprobado|rechazado)$` } })
      .toArray();
    expect(claves).toHaveLength(1);
    const gano = final.body.registro === 'aprobado';
    expect((await login(body.email, PASSWORD)).status).toBe(gano ? 200 : 401);
  });

  it('throttles registrations per address across both instances (429 with Retry-After)', async () => {
    const ip = '203.0.113.50';
    const deSegunda = (b: Record<string, unknown>) =>
      segunda().post('/auth/registro').set('X-Forwarded-For', ip).send(b);
    expect((await registrar(registroBody(), ip)).status).toBe(202);
    expect((await deSegunda(registroBody())).status).toBe(202);
    expect((await registrar(registroBody(), ip)).status).toBe(202);
    for (const res of [await deSegunda(registroBody()), await registrar(registroBody(), ip)]) {
      expect(codigo(res)).toEqual({ status: 429, code: 'DEMASIADOS_INTENTOS' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect((await registrar(registroBody())).status).toBe(202);
  });
});
