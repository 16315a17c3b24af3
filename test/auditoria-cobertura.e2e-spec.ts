import request from 'supertest';
import { crearAppDePrueba } from './support/app';
import { crearResidenteActivo, loginAdmin } from './support/auth-helpers';
import {
  entradas,
  totalAuditoria,
  verificar,
  type Caso,
  type Contexto,
  type EntradaApi,
} from './support/auditoria';
import { CASOS_DATOS } from './auditoria-casos-datos';
import { CASOS_REGISTRO } from './auditoria-casos-registro';
import { CASOS_SORTEO } from './auditoria-casos-sorteo';
import { esperar } from './support/revision';
import { sembrarParticipantes } from './sorteo-datos';

/**
 * Write routes that leave no entry, and why (docs/auditoria.md#qué-se-registra): they change the
 * caller's own session or password, not the complex's data. Keep it short.
 */
const EXENTAS: Record<string, string> = {
  'POST /auth/login': 'abre una sesión',
  'POST /auth/refresh': 'rota los tokens de una sesión',
  'POST /auth/logout': 'cierra una sesión',
  'POST /auth/activar': 'fija la contraseña propia con un token emitido por una acción registrada',
  'POST /auth/cambiar-password': 'cambia la contraseña propia (un secreto: nunca se registra)',
};

const CASOS: Caso[] = [...CASOS_DATOS, ...CASOS_REGISTRO, ...CASOS_SORTEO];

describe('Every write route of the OpenAPI document leaves exactly one audit entry (e2e)', () => {
  let c: Contexto;
  let escrituras: string[];

  beforeAll(async () => {
    const t = await crearAppDePrueba({ LOGIN_MAX_FALLOS_IP: '1000' });
    const admin = await loginAdmin(t);
    const { residente, sesion } = await crearResidenteActivo(t, admin, { torre: 'W' });
    await sembrarParticipantes(t, 6, { torre: 'V' });
    c = { t, admin, residente: { id: residente.id, sesion }, ids: {} };
    // Derived from the document the clients download, so a write route added later is walked too.
    const doc = await request(t.app.getHttpServer()).get('/docs-json');
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    escrituras = Object.entries(paths).flatMap(([ruta, item]) =>
      ['post', 'put', 'patch', 'delete']
        .filter((m) => item[m])
        .map((m) => `${m.toUpperCase()} ${ruta}`),
    );
  });
  afterAll(async () => {
    await c.t.cerrar();
  });

  it('has a case or a reasoned exemption for every write route, and none for a route that is gone', () => {
    const cubiertas = new Set([...CASOS.map((k) => k.ruta), ...Object.keys(EXENTAS)]);
    expect(escrituras.filter((r) => !cubiertas.has(r))).toEqual([]);
    expect([...cubiertas].filter((r) => !escrituras.includes(r))).toEqual([]);
    expect(new Set(CASOS.map((k) => k.ruta)).size).toBe(CASOS.length);
  });

  it.each(CASOS.map((k) => [k.ruta, k] as const))(
    '%s: one new entry with its actor, action, resource and changes',
    async (_ruta, caso) => {
      await caso.preparar?.(c);
      const antes = await totalAuditoria(c.t, c.admin);
      const esperado = await caso.hacer(c);
      const { data, total } = await entradas(c.t, c.admin);
      expect(total).toBe(antes + 1);
      const e: EntradaApi = data[0];
      expect(e.n).toBe(total);
      expect({ accion: e.accion, recurso: e.recurso, actor: e.actor }).toEqual({
        accion: esperado.accion,
        recurso: esperado.recurso,
        actor: { id: esperado.actor.usuario.id, rol: esperado.actor.usuario.rol },
      });
      esperado.cambios(e.cambios ?? {});
    },
  );

  it('leaves no entry for the exempt routes (a login, a refresh, a logout)', async () => {
    const antes = await totalAuditoria(c.t, c.admin);
    const sesion = await loginAdmin(c.t);
    await esperar(c.t.http.post('/auth/refresh').send({ refreshToken: sesion.refreshToken }), 200);
    expect(await totalAuditoria(c.t, c.admin)).toBe(antes);
  });

  it('keeps a valid chain through all of it', async () => {
    const v = await verificar(c.t, c.admin);
    expect(v).toEqual({
      valido: true,
      entradas: await totalAuditoria(c.t, c.admin),
      primerError: null,
    });
  });
});
