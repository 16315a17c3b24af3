import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';

const RONDAS = 5;
const PATCHES_DEL_RESIDENTE = 50;

/**
 * On FerretDB an update rewrites the whole document it read, so a resident's telefono change that
 * read the document before an admin's change could erase it. Every write to a resident goes
 * through a version claim; these rounds flood the resident's own PATCH while the admin writes.
 */
describe('Residentes: escrituras concurrentes (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
  });

  afterAll(async () => {
    await t.cerrar();
  });

  /** Fires the resident's flood and the admin's change together; returns the admin's response. */
  async function carrera(
    residente: SesionPrueba,
    residenteId: string,
    ronda: number,
    cambioAdmin: Record<string, unknown>,
  ) {
    const delResidente = Array.from({ length: PATCHES_DEL_RESIDENTE }, (_, i) =>
      t.http
        .patch('/residentes/me')
        .set(...bearer(residente))
        .send({ telefono: `310${String(ronda).padStart(3, '0')}${String(i).padStart(4, '0')}` }),
    );
    const delAdmin = t.http
      .patch(`/residentes/${residenteId}`)
      .set(...bearer(admin))
      .send(cambioAdmin);
    const [adminRes, ...residenteRes] = await Promise.all([delAdmin, ...delResidente]);
    expect(residenteRes).toHaveLength(PATCHES_DEL_RESIDENTE);
    for (const r of residenteRes) {
      // A telefono change that lost to another telefono change is a real conflict: 409.
      if (r.status !== 200) {
        expect(r.status).toBe(409);
        expect(r.body.code).toBe('RESIDENTE_MODIFICADO');
      }
    }
    // At least one of the resident's changes got through, so the race really happened.
    expect(residenteRes.some((r) => r.status === 200)).toBe(true);
    return adminRes;
  }

  it('un residente que cambia su teléfono 50 veces a la vez no borra alDia:false del admin', async () => {
    const { residente, sesion } = await crearResidenteActivo(t, admin, { torre: 'CC1' });
    for (let ronda = 0; ronda < RONDAS; ronda++) {
      const antes = await t.http
        .patch(`/residentes/${residente.id}`)
        .set(...bearer(admin))
        .send({ alDia: true });
      expect(antes.status).toBe(200);
      expect(antes.body.alDia).toBe(true);

      const adminRes = await carrera(sesion, residente.id, ronda, { alDia: false });
      // The admin's change touches another field: it must apply, retried on a fresh read if needed.
      expect(adminRes.status).toBe(200);
      expect(adminRes.body.alDia).toBe(false);

      const despues = await t.http.get(`/residentes/${residente.id}`).set(...bearer(admin));
      expect(despues.status).toBe(200);
      expect(despues.body.alDia).toBe(false);
    }
  });

  it('ni borra discapacidad:false', async () => {
    const { residente, sesion } = await crearResidenteActivo(t, admin, {
      torre: 'CC2',
      discapacidad: true,
    });
    for (let ronda = 0; ronda < RONDAS; ronda++) {
      const antes = await t.http
        .patch(`/residentes/${residente.id}`)
        .set(...bearer(admin))
        .send({ discapacidad: true });
      expect(antes.status).toBe(200);
      expect(antes.body.discapacidad).toBe(true);

      const adminRes = await carrera(sesion, residente.id, ronda, { discapacidad: false });
      expect(adminRes.status).toBe(200);
      expect(adminRes.body.discapacidad).toBe(false);

      const despues = await t.http.get(`/residentes/${residente.id}`).set(...bearer(admin));
      expect(despues.status).toBe(200);
      expect(despues.body.discapacidad).toBe(false);
    }
  });

  it('el teléfono que queda es el de una respuesta 200 del residente', async () => {
    const { sesion } = await crearResidenteActivo(t, admin, { torre: 'CC3' });
    const respuestas = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http
          .patch('/residentes/me')
          .set(...bearer(sesion))
          .send({ telefono: `320000${String(i).padStart(4, '0')}` }),
      ),
    );
    expect(respuestas).toHaveLength(20);
    const aplicados = respuestas.filter((r) => r.status === 200).map((r) => r.body.telefono);
    expect(aplicados.length).toBeGreaterThan(0);
    for (const r of respuestas.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('RESIDENTE_MODIFICADO');
    }
    const final = await t.http.get('/residentes/me').set(...bearer(sesion));
    expect(final.status).toBe(200);
    expect(aplicados).toContain(final.body.telefono);
  });
});
