import { bearer } from './support/auth-helpers';
import { csv, type Caso } from './support/auditoria';
import { esperar } from './support/revision';
import { parqueaderos } from './sorteo-datos';

/**
 * The cases of the audit coverage test for spots, config, convocatorias, draws, staff and
 * notifications, in the order they run (a renuncia and an annulment need the draw before them).
 */
export const CASOS_SORTEO: Caso[] = [
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
