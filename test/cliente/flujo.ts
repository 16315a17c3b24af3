import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './api';

type Resultado = components['schemas']['ResultadoSorteoDto'];

export interface OpcionesFlujo {
  baseUrl: string;
  admin: { email: string; password: string };
  passwordResidente: string;
  /** Each raw response, so the caller can check it against the document too. */
  alResponder?: (metodo: string, url: string, respuesta: Response) => Promise<void>;
}

export interface FinDelFlujo {
  resultado: Resultado;
  solicitudId: string;
  miAsignacion: components['schemas']['MiAsignacionDto'][];
}

/** openapi-fetch answers `{data}` or `{error}`; a step that must succeed stops the flow otherwise. */
function exigir<T>(paso: string, r: { data?: T; error?: unknown; response: Response }): T {
  if (r.data === undefined) {
    throw new Error(`${paso}: ${r.response.status} ${JSON.stringify(r.error)}`);
  }
  return r.data;
}

/**
 * What a front end generated from /docs-json does, typed by the generated `paths`: if a path, a
 * field or a status drifts from the code, this stops compiling (typecheck) or fails at run time.
 * Log in as admin, create a resident, activate them, request a spot, approve it, run the draw and
 * read the result as both.
 */
export async function flujoCompleto(o: OpcionesFlujo): Promise<FinDelFlujo> {
  const api = createClient<paths>({ baseUrl: o.baseUrl });
  if (o.alResponder) {
    const revisar = o.alResponder;
    const registro: Middleware = {
      async onResponse({ request, response }) {
        await revisar(request.method, request.url, response.clone());
      },
    };
    api.use(registro);
  }
  const como = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

  const admin = exigir('login', await api.POST('/auth/login', { body: o.admin }));
  const yo = exigir('me', await api.GET('/auth/me', como(admin.accessToken)));
  if (yo.rol !== 'admin' || yo.residenteId !== null) throw new Error(`me: ${JSON.stringify(yo)}`);

  const creado = exigir(
    'crear residente',
    await api.POST('/residentes', {
      ...como(admin.accessToken),
      body: {
        nombre: 'Cliente Tipado',
        documento: { tipo: 'CC', numero: `77${Date.now() % 100_000_000}` },
        email: `tipado${Date.now()}@parknet.test`,
        torre: 'T',
        apartamento: '101',
        tipo: 'propietario',
        fechaIngreso: '2015-03-01',
      },
    }),
  );
  if (!creado.activacion) throw new Error('crear residente: sin activacion');
  const residente = exigir(
    'activar',
    await api.POST('/auth/activar', {
      body: { token: creado.activacion.token, password: o.passwordResidente },
    }),
  );

  const solicitud = exigir(
    'solicitar',
    await api.POST('/solicitudes', {
      ...como(residente.accessToken),
      body: { vehiculo: { placa: 'TIP-123', tipo: 'carro' } },
    }),
  );
  const aprobada = exigir(
    'aprobar',
    await api.PATCH('/solicitudes/{id}/estado', {
      ...como(admin.accessToken),
      params: { path: { id: solicitud.id } },
      body: { estado: 'aprobada' },
    }),
  );
  if (aprobada.estado !== 'aprobada') throw new Error(`aprobar: ${aprobada.estado}`);

  const ejecutado = exigir(
    'ejecutar',
    await api.POST('/sorteo/ejecutar', {
      ...como(admin.accessToken),
      body: {
        nombre: 'Sorteo del cliente tipado',
        parqueaderos: [{ codigo: 'T-1', tipo: 'carro' }],
      },
    }),
  );
  const resultado = exigir(
    'resultado',
    await api.GET('/sorteo/resultados/{id}', {
      ...como(residente.accessToken),
      params: { path: { id: ejecutado.id } },
    }),
  );
  const lista = exigir(
    'resultados',
    await api.GET('/sorteo/resultados', {
      ...como(admin.accessToken),
      params: { query: { page: 1, limit: 5 } },
    }),
  );
  if (lista.data[0]?.id !== ejecutado.id) throw new Error('resultados: falta el sorteo');
  const miAsignacion = exigir(
    'mi asignacion',
    await api.GET('/sorteo/mi-asignacion', como(residente.accessToken)),
  );

  // Errors are typed too: `code` is the union of the enums the route documents, so comparing it
  // with a code the document stopped listing does not compile.
  const repetido = await api.POST('/sorteo/ejecutar', {
    ...como(admin.accessToken),
    body: { nombre: 'Sin participantes', parqueaderos: [{ codigo: 'T-1', tipo: 'carro' }] },
  });
  if (repetido.response.status !== 409 || repetido.error?.code !== 'SIN_PARTICIPANTES') {
    throw new Error(`segundo sorteo: ${JSON.stringify(repetido.error)}`);
  }

  return { resultado, solicitudId: solicitud.id, miAsignacion };
}
