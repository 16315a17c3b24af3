import request from 'supertest';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import {
  SesionPrueba,
  bearer,
  crearResidenteActivo,
  loginAdmin,
  residenteBody,
} from './support/auth-helpers';
import { entradas, totalAuditoria, verificar, type EntradaApi } from './support/auditoria';
import { esperar } from './support/revision';
import { parqueaderos, sembrarParticipantes } from './sorteo-datos';

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

interface Contexto {
  t: AppDePrueba;
  admin: SesionPrueba;
  residente: { id: string; sesion: SesionPrueba };
  ids: Record<string, string>;
}

interface Esperado {
  accion: string;
  recurso: { tipo: string; id: string | null };
  actor: SesionPrueba;
  cambios: (c: Record<string, unknown>) => void;
}

/** A write route exercised once: `preparar` may write (its entries are not counted), `hacer` is measured. */
interface Caso {
  ruta: string;
  preparar?: (c: Contexto) => Promise<void>;
  hacer: (c: Contexto) => Promise<Esperado>;
}

const csv = (t: AppDePrueba, ruta: string, quien: SesionPrueba, cuerpo: string) =>
  t.http
    .post(ruta)
    .set(...bearer(quien))
    .set('Content-Type', 'text/csv')
    .send(cuerpo);

/** In the order they run: later cases use what earlier ones made (a draw, a convocatoria...). */
const CASOS: Caso[] = [
  {
    ruta: 'POST /residentes',
    hacer: async ({ t, admin, ids }) => {
      const body = residenteBody({ torre: 'Q' });
      const r = await esperar(
        t.http
          .post('/residentes')
          .set(...bearer(admin))
          .send(body),
        201,
      );
      ids.residente = r.body.id as string;
      return {
        accion: 'residente.creado',
        recurso: { tipo: 'residente', id: ids.residente },
        actor: admin,
        cambios: (c) => {
          expect(c.nombre).toEqual({ antes: null, despues: body.nombre });
          expect(c.discapacidad).toEqual({ antes: null, despues: false });
          expect(JSON.stringify(c)).not.toContain('token');
        },
      };
    },
  },
  {
    ruta: 'PATCH /residentes/{id}',
    hacer: async ({ t, admin, ids }) => {
      await esperar(
        t.http
          .patch(`/residentes/${ids.residente}`)
          .set(...bearer(admin))
          .send({ discapacidad: true, telefono: '3157654321' }),
        200,
      );
      return {
        accion: 'residente.modificado',
        recurso: { tipo: 'residente', id: ids.residente },
        actor: admin,
        cambios: (c) =>
          expect(c).toEqual({
            discapacidad: { antes: false, despues: true },
            telefono: { antes: '3001234567', despues: '3157654321' },
          }),
      };
    },
  },
  {
    ruta: 'POST /residentes/{id}/activacion',
    hacer: async ({ t, admin, ids }) => {
      const r = await esperar(
        t.http.post(`/residentes/${ids.residente}/activacion`).set(...bearer(admin)),
        201,
      );
      return {
        accion: 'residente.activacion_emitida',
        recurso: { tipo: 'residente', id: ids.residente },
        actor: admin,
        cambios: (c) => expect(JSON.stringify(c)).not.toContain(r.body.token as string),
      };
    },
  },
  {
    ruta: 'PATCH /residentes/me',
    hacer: async ({ t, residente }) => {
      await esperar(
        t.http
          .patch('/residentes/me')
          .set(...bearer(residente.sesion))
          .send({ telefono: '3109998877' }),
        200,
      );
      return {
        accion: 'residente.modificado',
        recurso: { tipo: 'residente', id: residente.id },
        actor: residente.sesion,
        cambios: (c) =>
          expect(c).toEqual({ telefono: { antes: '3001234567', despues: '3109998877' } }),
      };
    },
  },
  {
    ruta: 'POST /residentes/importar',
    hacer: async ({ t, admin }) => {
      const cuerpo =
        'nombre;documento_tipo;documento_numero;email;torre;apartamento;tipo;discapacidad\r\n' +
        'Persona Importada;CC;77001;;Q;900;propietario;sí\r\n' +
        'Otra Importada;CC;77002;;Q;901;arrendatario;\r\n';
      const r = await esperar(csv(t, '/residentes/importar', admin, cuerpo), 200);
      expect(r.body.creados).toBe(2);
      return {
        accion: 'residentes.importados',
        recurso: { tipo: 'residente', id: null },
        actor: admin,
        cambios: (c) => {
          const creados = c.creados as Array<{ id: string; cambios: Record<string, unknown> }>;
          expect(creados).toHaveLength(2);
          expect(creados[0].cambios.discapacidad).toEqual({ antes: null, despues: true });
          expect(c.actualizados).toEqual([]);
        },
      };
    },
  },
  {
    ruta: 'DELETE /residentes/{id}',
    hacer: async ({ t, admin, ids }) => {
      await esperar(t.http.delete(`/residentes/${ids.residente}`).set(...bearer(admin)), 204);
      return {
        accion: 'residente.baja',
        recurso: { tipo: 'residente', id: ids.residente },
        actor: admin,
        cambios: (c) => {
          expect(c.activo).toEqual({ antes: true, despues: false });
          expect(c.cuenta).toEqual({ antes: 'pendiente_activacion', despues: 'deshabilitada' });
        },
      };
    },
  },
  {
    ruta: 'POST /solicitudes',
    hacer: async ({ t, residente, ids }) => {
      const r = await esperar(
        t.http
          .post('/solicitudes')
          .set(...bearer(residente.sesion))
          .send({ vehiculo: { placa: 'AUD123', tipo: 'carro' } }),
        201,
      );
      ids.solicitud = r.body.id as string;
      return {
        accion: 'solicitud.creada',
        recurso: { tipo: 'solicitud', id: ids.solicitud },
        actor: residente.sesion,
        cambios: (c) => {
          expect(c.estado).toEqual({ antes: null, despues: 'pendiente' });
          expect(c.vehiculo).toEqual({ antes: null, despues: { placa: 'AUD123', tipo: 'carro' } });
        },
      };
    },
  },
  {
    ruta: 'PATCH /solicitudes/{id}/estado',
    hacer: async ({ t, admin, ids }) => {
      await esperar(
        t.http
          .patch(`/solicitudes/${ids.solicitud}/estado`)
          .set(...bearer(admin))
          .send({ estado: 'aprobada' }),
        200,
      );
      return {
        accion: 'solicitud.estado',
        recurso: { tipo: 'solicitud', id: ids.solicitud },
        actor: admin,
        cambios: (c) => expect(c.estado).toEqual({ antes: 'pendiente', despues: 'aprobada' }),
      };
    },
  },
  {
    ruta: 'POST /solicitudes/aprobaciones',
    preparar: async ({ t, admin, residente, ids }) => {
      const r = await esperar(
        t.http
          .post('/solicitudes')
          .set(...bearer(admin))
          .send({ residenteId: residente.id, vehiculo: { placa: 'AUD12A', tipo: 'moto' } }),
        201,
      );
      ids.moto = r.body.id as string;
    },
    hacer: async ({ t, admin, ids }) => {
      await esperar(
        t.http
          .post('/solicitudes/aprobaciones')
          .set(...bearer(admin))
          .send({ ids: [ids.moto] }),
        200,
      );
      return {
        accion: 'solicitudes.aprobadas',
        recurso: { tipo: 'solicitud', id: null },
        actor: admin,
        cambios: (c) =>
          expect(c.solicitudes).toEqual([
            {
              id: ids.moto,
              estado: { antes: 'pendiente', despues: 'aprobada' },
              motivo: { antes: null, despues: null },
            },
          ]),
      };
    },
  },
  {
    ruta: 'POST /parqueaderos',
    hacer: async ({ t, admin, ids }) => {
      const r = await esperar(
        t.http
          .post('/parqueaderos')
          .set(...bearer(admin))
          .send({ codigo: 'AUD-1', tipo: 'carro' }),
        201,
      );
      ids.parqueadero = r.body.id as string;
      return {
        accion: 'parqueadero.creado',
        recurso: { tipo: 'parqueadero', id: ids.parqueadero },
        actor: admin,
        cambios: (c) => expect(c.codigo).toEqual({ antes: null, despues: 'AUD-1' }),
      };
    },
  },
  {
    ruta: 'PATCH /parqueaderos/{id}',
    hacer: async ({ t, admin, ids }) => {
      await esperar(
        t.http
          .patch(`/parqueaderos/${ids.parqueadero}`)
          .set(...bearer(admin))
          .send({ zona: 'Sótano 1' }),
        200,
      );
      return {
        accion: 'parqueadero.modificado',
        recurso: { tipo: 'parqueadero', id: ids.parqueadero },
        actor: admin,
        cambios: (c) => expect(c).toEqual({ zona: { antes: null, despues: 'Sótano 1' } }),
      };
    },
  },
  {
    ruta: 'DELETE /parqueaderos/{id}',
    hacer: async ({ t, admin, ids }) => {
      await esperar(t.http.delete(`/parqueaderos/${ids.parqueadero}`).set(...bearer(admin)), 204);
      return {
        accion: 'parqueadero.baja',
        recurso: { tipo: 'parqueadero', id: ids.parqueadero },
        actor: admin,
        cambios: (c) => expect(c).toEqual({ activo: { antes: true, despues: false } }),
      };
    },
  },
  {
    ruta: 'POST /parqueaderos/importar',
    hacer: async ({ t, admin }) => {
      await esperar(csv(t, '/parqueaderos/importar', admin, 'codigo,tipo\nAUD-2,moto\n'), 200);
      return {
        accion: 'parqueaderos.importados',
        recurso: { tipo: 'parqueadero', id: null },
        actor: admin,
        cambios: (c) => expect((c.creados as unknown[]).length).toBe(1),
      };
    },
  },
  {
    ruta: 'PUT /sorteo/config',
    hacer: async ({ t, admin }) => {
      const actual = await esperar(t.http.get('/sorteo/config').set(...bearer(admin)), 200);
      const config = actual.body as { pesos: Record<string, number> };
      const pesos = { ...config.pesos, discapacidad: 4 };
      await esperar(
        t.http
          .put('/sorteo/config')
          .set(...bearer(admin))
          .send({ ...config, pesos }),
        200,
      );
      return {
        accion: 'config.modificada',
        recurso: { tipo: 'config', id: 'prioridad' },
        actor: admin,
        cambios: (c) => expect(c).toEqual({ pesos: { antes: config.pesos, despues: pesos } }),
      };
    },
  },
  {
    ruta: 'POST /sorteo/convocatorias',
    hacer: async ({ t, admin, ids }) => {
      const r = await esperar(
        t.http
          .post('/sorteo/convocatorias')
          .set(...bearer(admin))
          .send({
            nombre: 'Auditoría anunciada',
            parqueaderos: parqueaderos(3, 1, 1),
            fuentesPublicas: [{ descripcion: 'Lotería de prueba, número ganador' }],
            fechaSorteo: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
          }),
        201,
      );
      ids.convocatoria = r.body.id as string;
      return {
        accion: 'convocatoria.creada',
        recurso: { tipo: 'convocatoria', id: ids.convocatoria },
        actor: admin,
        cambios: (c) => expect(c.estado).toEqual({ antes: null, despues: 'abierta' }),
      };
    },
  },
  {
    ruta: 'POST /sorteo/convocatorias/{id}/cerrar',
    hacer: async ({ t, admin, ids }) => {
      const r = await esperar(
        t.http.post(`/sorteo/convocatorias/${ids.convocatoria}/cerrar`).set(...bearer(admin)),
        200,
      );
      return {
        accion: 'convocatoria.cerrada',
        recurso: { tipo: 'convocatoria', id: ids.convocatoria },
        actor: admin,
        cambios: (c) => {
          expect(c.insumosHash).toEqual({ antes: null, despues: r.body.insumosHash });
          expect(JSON.stringify(c)).not.toContain('secreto');
        },
      };
    },
  },
  {
    ruta: 'POST /sorteo/convocatorias/{id}/cancelar',
    hacer: async ({ t, admin, ids }) => {
      await esperar(
        t.http
          .post(`/sorteo/convocatorias/${ids.convocatoria}/cancelar`)
          .set(...bearer(admin))
          .send({ motivo: 'Prueba de auditoría' }),
        200,
      );
      return {
        accion: 'convocatoria.cancelada',
        recurso: { tipo: 'convocatoria', id: ids.convocatoria },
        actor: admin,
        cambios: (c) => expect(c.estado).toEqual({ antes: 'cerrada', despues: 'cancelada' }),
      };
    },
  },
  {
    ruta: 'POST /sorteo/ejecutar',
    hacer: async ({ t, admin, ids }) => {
      const r = await esperar(
        t.http
          .post('/sorteo/ejecutar')
          .set(...bearer(admin))
          .send({ nombre: 'Sorteo auditado', parqueaderos: parqueaderos(3, 1, 1) }),
        201,
      );
      ids.sorteo = r.body.id as string;
      const asignada = (
        r.body.participantes as Array<{ solicitudId: string; resultado: string }>
      ).find((p) => p.resultado === 'asignada');
      ids.asignada = asignada?.solicitudId ?? '';
      return {
        accion: 'sorteo.ejecutado',
        recurso: { tipo: 'sorteo', id: ids.sorteo },
        actor: admin,
        cambios: (c) => {
          expect(c.semilla).toEqual({ antes: null, despues: r.body.semilla });
          expect(c.insumosHash).toEqual({ antes: null, despues: r.body.insumosHash });
        },
      };
    },
  },
  {
    ruta: 'POST /sorteo/resultados/{id}/renuncias',
    hacer: async ({ t, admin, ids }) => {
      await esperar(
        t.http
          .post(`/sorteo/resultados/${ids.sorteo}/renuncias`)
          .set(...bearer(admin))
          .send({ solicitudId: ids.asignada }),
        201,
      );
      return {
        accion: 'sorteo.renuncia',
        recurso: { tipo: 'sorteo', id: ids.sorteo },
        actor: admin,
        cambios: (c) => {
          expect(c.solicitudId).toBe(ids.asignada);
          expect((c.movimientos as unknown[]).length).toBeGreaterThanOrEqual(1);
        },
      };
    },
  },
  {
    ruta: 'POST /sorteo/resultados/{id}/anular',
    hacer: async ({ t, admin, ids }) => {
      await esperar(
        t.http
          .post(`/sorteo/resultados/${ids.sorteo}/anular`)
          .set(...bearer(admin))
          .send({ motivo: 'Prueba de auditoría' }),
        200,
      );
      return {
        accion: 'sorteo.anulado',
        recurso: { tipo: 'sorteo', id: ids.sorteo },
        actor: admin,
        cambios: (c) =>
          expect((c.anulado as { despues: { motivo: string } }).despues.motivo).toBe(
            'Prueba de auditoría',
          ),
      };
    },
  },
  {
    ruta: 'POST /usuarios',
    hacer: async ({ t, admin, ids }) => {
      const r = await esperar(
        t.http
          .post('/usuarios')
          .set(...bearer(admin))
          .send({ email: 'revisora@parknet.test', nombre: 'Revisora', rol: 'revisor' }),
        201,
      );
      ids.usuario = (r.body.usuario as { id: string }).id;
      return {
        accion: 'usuario.creado',
        recurso: { tipo: 'usuario', id: ids.usuario },
        actor: admin,
        cambios: (c) => expect(c.rol).toEqual({ antes: null, despues: 'revisor' }),
      };
    },
  },
  {
    ruta: 'DELETE /usuarios/{id}',
    hacer: async ({ t, admin, ids }) => {
      await esperar(t.http.delete(`/usuarios/${ids.usuario}`).set(...bearer(admin)), 204);
      return {
        accion: 'usuario.baja',
        recurso: { tipo: 'usuario', id: ids.usuario },
        actor: admin,
        cambios: (c) =>
          expect(c).toEqual({
            estado: { antes: 'pendiente_activacion', despues: 'deshabilitada' },
          }),
      };
    },
  },
  {
    ruta: 'POST /notificaciones/{id}/reintentar',
    preparar: async ({ t }) => {
      const ahora = new Date();
      await t.connection.collection('notificaciones').insertOne({
        _id: 'auditoria:prueba' as never,
        tipo: 'prueba',
        destinatario: 'nadie@parknet.test',
        asunto: 'Prueba',
        texto: 'Prueba',
        html: '<p>Prueba</p>',
        confidencial: false,
        estado: 'fallida',
        intentos: 3,
        proximoIntento: ahora,
        venceEn: ahora,
        creadaEn: ahora,
        enviadaEn: null,
        ultimoError: 'prueba',
      });
    },
    hacer: async ({ t, admin }) => {
      await esperar(
        t.http.post('/notificaciones/auditoria:prueba/reintentar').set(...bearer(admin)),
        200,
      );
      return {
        accion: 'notificacion.reintentada',
        recurso: { tipo: 'notificacion', id: 'auditoria:prueba' },
        actor: admin,
        cambios: (c) => expect(c).toEqual({ estado: { antes: 'fallida', despues: 'pendiente' } }),
      };
    },
  },
];

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
