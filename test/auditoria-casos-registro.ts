import type { AppDePrueba } from './support/app';
import { bearer, residenteBody, type SesionPrueba } from './support/auth-helpers';
import type { Caso, Contexto } from './support/auditoria';
import { esperar } from './support/revision';

const PASSWORD = 'mi bicicleta roja duerme en el sotano';

/** What POST /residentes takes minus the priority attributes, plus a password. */
function registroBody(): Record<string, unknown> {
  const { nombre, documento, email, telefono, torre, apartamento, tipo } = residenteBody();
  return { nombre, documento, email, telefono, torre, apartamento, tipo, password: PASSWORD };
}

/** The self-registered person acts before having a session: the entry names them, rol registro. */
const comoRegistro = (id: string) =>
  ({ usuario: { id, rol: 'registro' } }) as unknown as SesionPrueba;

/** The verification token, from the outbox record of the e-mail (no SMTP server in this test). */
async function tokenDe(t: AppDePrueba, email: string): Promise<string> {
  const doc = await t.connection
    .collection<{ _id: string; destinatario: string; texto: string }>('notificaciones')
    .findOne({ destinatario: email, texto: { $regex: 'verificar-correo' } });
  const m = /verificar-correo\?token=([A-Za-z0-9_-]+)/.exec(doc?.texto ?? '');
  expect(m).not.toBeNull();
  return m![1];
}

/** The new resident's id: a registration answers the same 202 whoever asks, so it is read here. */
async function idDe(c: Contexto, email: string): Promise<string> {
  const r = await c.t.connection
    .collection<{ email: string }>('residentes')
    .findOne({ email }, { projection: { _id: 1 } });
  expect(r).not.toBeNull();
  return String(r!._id);
}

async function registrarYVerificar(c: Contexto, clave: string): Promise<void> {
  const body = registroBody();
  await esperar(c.t.http.post('/auth/registro').send(body), 202);
  const token = await tokenDe(c.t, body.email as string);
  await esperar(c.t.http.post('/auth/verificar-correo').send({ token }), 200);
  c.ids[clave] = await idDe(c, body.email as string);
}

/** The cases of the audit coverage test for self-registration (docs/registro.md). */
export const CASOS_REGISTRO: Caso[] = [
  {
    ruta: 'POST /auth/registro',
    hacer: async (c) => {
      const body = registroBody();
      await esperar(c.t.http.post('/auth/registro').send(body), 202);
      c.ids.registroEmail = body.email as string;
      c.ids.registrado = await idDe(c, body.email as string);
      return {
        accion: 'residente.registrado',
        recurso: { tipo: 'residente', id: c.ids.registrado },
        actor: comoRegistro(c.ids.registrado),
        cambios: (cambios) => {
          expect(cambios.registro).toEqual({ antes: null, despues: 'por_verificar' });
          expect(cambios.nombre).toEqual({ antes: null, despues: body.nombre });
          expect(JSON.stringify(cambios)).not.toContain(PASSWORD);
        },
      };
    },
  },
  {
    ruta: 'POST /auth/verificar-correo',
    hacer: async (c) => {
      const token = await tokenDe(c.t, c.ids.registroEmail);
      await esperar(c.t.http.post('/auth/verificar-correo').send({ token }), 200);
      return {
        accion: 'residente.correo_verificado',
        recurso: { tipo: 'residente', id: c.ids.registrado },
        actor: comoRegistro(c.ids.registrado),
        cambios: (cambios) =>
          expect(cambios).toEqual({ registro: { antes: 'por_verificar', despues: 'pendiente' } }),
      };
    },
  },
  {
    ruta: 'POST /residentes/{id}/registro/aprobar',
    hacer: async (c) => {
      await esperar(
        c.t.http.post(`/residentes/${c.ids.registrado}/registro/aprobar`).set(...bearer(c.admin)),
        200,
      );
      return {
        accion: 'residente.registro_aprobado',
        recurso: { tipo: 'residente', id: c.ids.registrado },
        actor: c.admin,
        cambios: (cambios) =>
          expect(cambios.registro).toEqual({ antes: 'pendiente', despues: 'aprobado' }),
      };
    },
  },
  {
    ruta: 'POST /residentes/{id}/registro/rechazar',
    preparar: (c) => registrarYVerificar(c, 'aRechazar'),
    hacer: async (c) => {
      await esperar(
        c.t.http
          .post(`/residentes/${c.ids.aRechazar}/registro/rechazar`)
          .set(...bearer(c.admin))
          .send({ motivo: 'No vive en el conjunto' }),
        200,
      );
      return {
        accion: 'residente.registro_rechazado',
        recurso: { tipo: 'residente', id: c.ids.aRechazar },
        actor: c.admin,
        cambios: (cambios) => {
          expect(cambios.registro).toEqual({ antes: 'pendiente', despues: 'rechazado' });
          expect(cambios.motivo).toEqual({ antes: null, despues: 'No vive en el conjunto' });
        },
      };
    },
  },
];
