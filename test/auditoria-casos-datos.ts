import { bearer, residenteBody } from './support/auth-helpers';
import { csv, type Caso } from './support/auditoria';
import { esperar } from './support/revision';

/** The cases of the audit coverage test for residents and solicitudes, in the order they run. */
export const CASOS_DATOS: Caso[] = [
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
];
