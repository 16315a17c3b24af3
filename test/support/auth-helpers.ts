import type { AppDePrueba } from './app';
import { ADMIN_EMAIL, ADMIN_PASSWORD, PASSWORD_RESIDENTE } from './app';

export interface SesionPrueba {
  accessToken: string;
  refreshToken: string;
  usuario: { id: string; email: string; rol: string; residenteId: string | null };
}

export async function login(
  t: AppDePrueba,
  email: string,
  password: string,
): Promise<SesionPrueba> {
  const res = await t.http.post('/auth/login').send({ email, password });
  if (res.status !== 200)
    throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SesionPrueba;
}

export function loginAdmin(t: AppDePrueba): Promise<SesionPrueba> {
  return login(t, ADMIN_EMAIL, ADMIN_PASSWORD);
}

let contador = 0;

/** A resident with defaults, overridable field by field. */
export function residenteBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  contador += 1;
  const n = `${Date.now() % 1_000_000}${contador}`;
  return {
    nombre: `Residente ${n}`,
    documento: { tipo: 'CC', numero: `10${n}` },
    email: `residente${n}@parknet.test`,
    telefono: '3001234567',
    torre: 'A',
    apartamento: String(100 + contador),
    tipo: 'propietario',
    fechaIngreso: '2020-01-15',
    fechaNacimiento: '1980-05-20',
    ...over,
  };
}

/** Creates a resident as admin, activates the account, and logs in as them. */
export async function crearResidenteActivo(
  t: AppDePrueba,
  admin: SesionPrueba,
  over: Record<string, unknown> = {},
): Promise<{
  residente: { id: string; email: string } & Record<string, unknown>;
  sesion: SesionPrueba;
}> {
  const res = await t.http
    .post('/residentes')
    .set('Authorization', `Bearer ${admin.accessToken}`)
    .send(residenteBody(over));
  if (res.status !== 201)
    throw new Error(`crear residente: ${res.status} ${JSON.stringify(res.body)}`);
  const act = await t.http
    .post('/auth/activar')
    .send({ token: res.body.activacion.token, password: PASSWORD_RESIDENTE });
  if (act.status !== 200) throw new Error(`activar: ${act.status} ${JSON.stringify(act.body)}`);
  return { residente: res.body, sesion: act.body as SesionPrueba };
}

export const bearer = (s: SesionPrueba): [string, string] => [
  'Authorization',
  `Bearer ${s.accessToken}`,
];

export const PASSWORD_PERSONAL = 'la revisoria fiscal lee todo y no cambia nada';

let personales = 0;

/** Creates a staff account (admin or revisor) as admin, activates it, and logs in with it. */
export async function crearPersonalActivo(
  t: AppDePrueba,
  admin: SesionPrueba,
  rol: 'admin' | 'revisor',
): Promise<{
  usuario: { id: string; email: string } & Record<string, unknown>;
  sesion: SesionPrueba;
}> {
  personales += 1;
  const res = await t.http
    .post('/usuarios')
    .set('Authorization', `Bearer ${admin.accessToken}`)
    .send({
      email: `${rol}${Date.now() % 1_000_000}-${personales}@parknet.test`,
      nombre: `Personal ${personales}`,
      rol,
    });
  if (res.status !== 201)
    throw new Error(`crear ${rol}: ${res.status} ${JSON.stringify(res.body)}`);
  const act = await t.http
    .post('/auth/activar')
    .send({ token: res.body.activacion.token, password: PASSWORD_PERSONAL });
  if (act.status !== 200) throw new Error(`activar: ${act.status} ${JSON.stringify(act.body)}`);
  return { usuario: res.body.usuario, sesion: act.body as SesionPrueba };
}
