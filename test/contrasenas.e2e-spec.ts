import * as bcrypt from 'bcrypt';
import { Types } from 'mongoose';
import { AppDePrueba, PASSWORD_RESIDENTE, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';

/** 59 characters, 69 bytes in NFC and 79 in NFD (each tilde a combining mark of its own). */
const CON_TILDES = 'mañana el ñandú pequeño comió piñas en áreas rústicas ñoñas';

describe('Contraseñas (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba({ LOGIN_MAX_FALLOS_IP: '1000' });
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  async function tokenDeActivacion(): Promise<{ token: string; email: string }> {
    const { residente } = await crearResidenteActivo(t, admin);
    const res = await t.http.post(`/residentes/${residente.id}/activacion`).set(...bearer(admin));
    expect(res.status).toBe(201);
    return { token: res.body.token, email: residente.email };
  }

  it('refuses repeated characters, keyboard and number runs, the email and the product name', async () => {
    const { token, email } = await tokenDeActivacion();
    const local = email.split('@')[0];
    const casos: Array<[string, RegExp]> = [
      ['aaaaaaaaaaaaaaa', /repet/i],
      ['123456789012345', /secuencia/i],
      ['qwertyuiopasdfg', /secuencia/i],
      ['0987654321098765', /secuencia/i],
      [`mi clave es ${local.toUpperCase()} y ya`, /correo/i],
      ['me encanta usar ParkNet cada día', /ParkNet/],
      ['Park-Net es el mejor sistema', /ParkNet/],
    ];
    for (const [password, motivo] of casos) {
      const res = await t.http.post('/auth/activar').send({ token, password });
      expect({ password, status: res.status, code: res.body.code }).toEqual({
        password,
        status: 400,
        code: 'PASSWORD_DEBIL',
      });
      expect(res.body.message).toMatch(motivo);
    }
    // The refusals did not burn the token.
    expect(
      (await t.http.post('/auth/activar').send({ token, password: PASSWORD_RESIDENTE })).status,
    ).toBe(200);
  });

  it('cambiar-password refuses a weak new password with 400 PASSWORD_DEBIL', async () => {
    const { sesion } = await crearResidenteActivo(t, admin);
    const res = await t.http
      .post('/auth/cambiar-password')
      .set(...bearer(sesion))
      .send({ passwordActual: PASSWORD_RESIDENTE, passwordNueva: 'zzzzzzzzzzzzzzzzzzzz' });
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 400,
      code: 'PASSWORD_DEBIL',
    });
  });

  it('normalises to NFC: a password set in NFD logs in typed in NFC and in NFD', async () => {
    const { token, email } = await tokenDeActivacion();
    const nfd = CON_TILDES.normalize('NFD');
    expect(Buffer.byteLength(nfd)).toBeGreaterThan(72);
    const act = await t.http.post('/auth/activar').send({ token, password: nfd });
    expect(act.status).toBe(200);
    for (const password of [CON_TILDES.normalize('NFC'), nfd]) {
      const res = await t.http.post('/auth/login').send({ email, password });
      expect(res.status).toBe(200);
    }
  });

  it('a password hashed as typed before NFC existed (decomposed accents) still logs in', async () => {
    const { residente } = await crearResidenteActivo(t, admin);
    const legado = 'el sol de mañana sale por la montaña'.normalize('NFD');
    expect(legado).not.toBe(legado.normalize('NFC'));
    const hash = await bcrypt.hash(legado, 4);
    const usuarios = t.connection.collection('usuarios');
    const u = await usuarios.findOne({ residenteId: new Types.ObjectId(residente.id) });
    expect(u).not.toBeNull();
    // Both the account and its newest credential version hold the legacy hash.
    const cambios = await Promise.all([
      usuarios.updateOne({ _id: u!._id }, { $set: { passwordHash: hash } }),
      t.connection
        .collection('credenciales')
        .updateMany(
          { _id: { $regex: `^${u!._id.toHexString()}:` } as never },
          { $set: { passwordHash: hash } },
        ),
    ]);
    expect(cambios[0].matchedCount).toBe(1);
    expect(cambios[1].matchedCount).toBeGreaterThan(0);
    const res = await t.http.post('/auth/login').send({ email: residente.email, password: legado });
    expect(res.status).toBe(200);
    const otra = await t.http
      .post('/auth/login')
      .send({ email: residente.email, password: 'otra frase distinta que no es la clave' });
    expect([otra.status, otra.body.code]).toEqual([401, 'CREDENCIALES_INVALIDAS']);
  });
});
