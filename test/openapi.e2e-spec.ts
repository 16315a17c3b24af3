import { AppDePrueba, crearAppDePrueba } from './support/app';

interface EsquemaError {
  $ref?: string;
  allOf?: Array<{ $ref?: string; properties?: { code?: { enum?: string[] } } }>;
}
interface Operacion {
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: EsquemaError }> }
  >;
}
interface Documento {
  openapi: string;
  info: { license?: { name: string } };
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, Operacion>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    securitySchemes: Record<string, unknown>;
  };
}

/** API.md's Auth, Residentes, Solicitudes, Sorteo and Operations tables: method, path, who (null = public), success status. */
const CONTRATO: Array<[string, string, 'publica' | 'autenticada', string]> = [
  ['post', '/auth/login', 'publica', '200'],
  ['post', '/auth/refresh', 'publica', '200'],
  ['post', '/auth/logout', 'autenticada', '204'],
  ['get', '/auth/me', 'autenticada', '200'],
  ['post', '/auth/activar', 'publica', '200'],
  ['post', '/auth/cambiar-password', 'autenticada', '204'],
  ['post', '/auth/registro', 'publica', '202'],
  ['post', '/auth/verificar-correo', 'publica', '200'],
  ['post', '/residentes', 'autenticada', '201'],
  ['get', '/residentes', 'autenticada', '200'],
  ['get', '/residentes/me', 'autenticada', '200'],
  ['patch', '/residentes/me', 'autenticada', '200'],
  ['get', '/residentes/{id}', 'autenticada', '200'],
  ['patch', '/residentes/{id}', 'autenticada', '200'],
  ['delete', '/residentes/{id}', 'autenticada', '204'],
  ['post', '/residentes/{id}/activacion', 'autenticada', '201'],
  ['post', '/residentes/importar', 'autenticada', '200'],
  ['post', '/residentes/{id}/registro/aprobar', 'autenticada', '200'],
  ['post', '/residentes/{id}/registro/rechazar', 'autenticada', '200'],
  ['get', '/health', 'publica', '200'],
  ['post', '/solicitudes', 'autenticada', '201'],
  ['get', '/solicitudes', 'autenticada', '200'],
  ['get', '/solicitudes/{id}', 'autenticada', '200'],
  ['patch', '/solicitudes/{id}/estado', 'autenticada', '200'],
  ['get', '/sorteo/config', 'autenticada', '200'],
  ['put', '/sorteo/config', 'autenticada', '200'],
  ['post', '/sorteo/ejecutar', 'autenticada', '201'],
  ['get', '/sorteo/mi-asignacion', 'autenticada', '200'],
  ['get', '/sorteo/resultados', 'autenticada', '200'],
  ['get', '/sorteo/resultados/{id}', 'autenticada', '200'],
  ['get', '/sorteo/resultados/{id}/participantes', 'autenticada', '200'],
  ['get', '/sorteo/resultados/{id}/verificar', 'autenticada', '200'],
  ['post', '/sorteo/resultados/{id}/anular', 'autenticada', '200'],
  ['post', '/parqueaderos', 'autenticada', '201'],
  ['post', '/parqueaderos/importar', 'autenticada', '200'],
  ['get', '/parqueaderos', 'autenticada', '200'],
  ['get', '/parqueaderos/{id}', 'autenticada', '200'],
  ['patch', '/parqueaderos/{id}', 'autenticada', '200'],
  ['delete', '/parqueaderos/{id}', 'autenticada', '204'],
  ['get', '/notificaciones', 'autenticada', '200'],
  ['post', '/notificaciones/{id}/reintentar', 'autenticada', '200'],
  ['get', '/auditoria', 'autenticada', '200'],
  ['get', '/auditoria/verificar', 'autenticada', '200'],
];

const ref = (nombre: string): string => `#/components/schemas/${nombre}`;

describe('OpenAPI (e2e)', () => {
  let t: AppDePrueba;
  let doc: Documento;

  beforeAll(async () => {
    t = await crearAppDePrueba();
    const res = await t.http.get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.body as Documento;
  });
  afterAll(async () => {
    await t.cerrar();
  });

  const op = (metodo: string, ruta: string): Operacion => {
    const o = doc.paths[ruta]?.[metodo];
    if (!o) throw new Error(`${metodo.toUpperCase()} ${ruta} no está en /docs-json`);
    return o;
  };
  /** The `code` enum an error response lists. */
  const codigos = (o: Operacion, status: string): string[] =>
    o.responses[status]?.content?.['application/json']?.schema.allOf?.[1].properties?.code?.enum ??
    [];
  const descripciones = (o: Operacion): string =>
    Object.values(o.responses)
      .map((r) => r.description)
      .join(' | ');

  it('is an OpenAPI 3 document with a bearer security scheme', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(Object.values(doc.components.securitySchemes)).toContainEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
  });

  it.each(CONTRATO)(
    'documents %s %s (%s) with its success status',
    (metodo, ruta, acceso, exito) => {
      const o = op(metodo, ruta);
      expect(Object.keys(o.responses)).toContain(exito);
      const nombreEsquema = Object.keys(doc.components.securitySchemes)[0];
      if (acceso === 'autenticada') {
        expect(o.security).toEqual(expect.arrayContaining([{ [nombreEsquema]: [] }]));
        expect(o.responses['401']).toBeDefined();
      } else {
        // Explicit, so a client generator does not read a missing requirement as an oversight.
        expect(o.security).toEqual([]);
      }
      expect(o.summary).toBeTruthy();
      // Every operation documents the outage answer, and every error response points at the error body.
      expect(o.responses['503']).toBeDefined();
      for (const [status, r] of Object.entries(o.responses)) {
        if (Number(status) < 400 || (ruta === '/health' && status === '503')) continue;
        const schema = r.content?.['application/json']?.schema;
        expect({ status, schema: schema?.allOf?.[0].$ref }).toEqual({
          status,
          schema: ref('ErrorBodyDto'),
        });
        expect(codigos(o, status).length).toBeGreaterThan(0);
      }
    },
  );

  it('names its servers and licence, and leaves no nullable $ref for strict tools to misread', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.info.license?.name).toContain('UNLICENSED');
    const nulablesConAllOf: string[] = [];
    const visitar = (nodo: unknown, donde: string): void => {
      if (!nodo || typeof nodo !== 'object') return;
      const n = nodo as Record<string, unknown>;
      if (n.nullable === true && 'allOf' in n) nulablesConAllOf.push(donde);
      for (const [k, v] of Object.entries(n)) visitar(v, `${donde}/${k}`);
    };
    visitar(doc, '#');
    expect(nulablesConAllOf).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('x-parknet-publica');
  });

  it('documents the error body shape', () => {
    const e = doc.components.schemas.ErrorBodyDto;
    expect(Object.keys(e.properties ?? {}).sort()).toEqual([
      'code',
      'error',
      'message',
      'statusCode',
    ]);
  });

  it('documents the error codes of each operation', () => {
    const casos: Array<[string, string, string, string]> = [
      ['post', '/auth/login', '401', 'CREDENCIALES_INVALIDAS'],
      ['post', '/auth/login', '429', 'DEMASIADOS_INTENTOS'],
      ['post', '/auth/activar', '400', 'TOKEN_INVALIDO'],
      ['post', '/auth/activar', '400', 'PASSWORD_DEBIL'],
      ['post', '/auth/cambiar-password', '400', 'PASSWORD_ACTUAL_INCORRECTA'],
      ['get', '/auth/me', '401', 'NO_AUTENTICADO'],
      ['post', '/residentes', '400', 'VALIDACION'],
      ['post', '/residentes', '403', 'PROHIBIDO'],
      ['post', '/residentes', '409', 'RESIDENTE_DUPLICADO'],
      ['patch', '/residentes/{id}', '409', 'RESIDENTE_DUPLICADO'],
      ['get', '/residentes/{id}', '404', 'NO_ENCONTRADO'],
      ['delete', '/residentes/{id}', '404', 'NO_ENCONTRADO'],
      ['post', '/residentes/{id}/activacion', '409', 'RESIDENTE_INACTIVO'],
      ['get', '/residentes', '503', 'BD_NO_DISPONIBLE'],
      ['post', '/solicitudes', '409', 'SOLICITUD_ABIERTA_EXISTENTE'],
      ['post', '/solicitudes', '409', 'PLACA_DUPLICADA'],
      ['post', '/solicitudes', '409', 'RESIDENTE_INACTIVO'],
      ['get', '/solicitudes/{id}', '400', 'VALIDACION'],
      ['get', '/solicitudes/{id}', '404', 'NO_ENCONTRADO'],
      ['patch', '/solicitudes/{id}/estado', '409', 'TRANSICION_INVALIDA'],
      ['patch', '/solicitudes/{id}/estado', '409', 'RESIDENTE_EN_MORA'],
      ['patch', '/solicitudes/{id}/estado', '409', 'SORTEO_EN_CURSO'],
      ['patch', '/solicitudes/{id}/estado', '404', 'NO_ENCONTRADO'],
      ['post', '/sorteo/ejecutar', '409', 'SORTEO_EN_CURSO'],
      ['post', '/sorteo/ejecutar', '409', 'SIN_PARTICIPANTES'],
      ['post', '/sorteo/ejecutar', '403', 'PROHIBIDO'],
      ['get', '/sorteo/resultados/{id}', '400', 'VALIDACION'],
      ['get', '/sorteo/resultados/{id}', '404', 'NO_ENCONTRADO'],
      ['post', '/sorteo/resultados/{id}/anular', '409', 'SORTEO_NO_ANULABLE'],
      ['delete', '/residentes/{id}', '409', 'SORTEO_EN_CURSO'],
      ['post', '/sorteo/ejecutar', '413', 'CUERPO_DEMASIADO_GRANDE'],
      ['get', '/sorteo/resultados', '500', 'ERROR_INTERNO'],
      ['post', '/sorteo/ejecutar', '409', 'SIN_PARQUEADEROS'],
      ['post', '/parqueaderos', '409', 'PARQUEADERO_DUPLICADO'],
      ['post', '/parqueaderos', '403', 'PROHIBIDO'],
      ['patch', '/parqueaderos/{id}', '404', 'NO_ENCONTRADO'],
      ['post', '/parqueaderos/importar', '415', 'TIPO_CONTENIDO_NO_SOPORTADO'],
      ['post', '/residentes/importar', '415', 'TIPO_CONTENIDO_NO_SOPORTADO'],
      ['post', '/residentes/importar', '409', 'RESIDENTE_DUPLICADO'],
      ['post', '/residentes/importar', '403', 'PROHIBIDO'],
    ];
    for (const [metodo, ruta, status, code] of casos) {
      const o = op(metodo, ruta);
      expect({ metodo, ruta, status, descripcion: o.responses[status]?.description }).toEqual({
        metodo,
        ruta,
        status,
        descripcion: expect.stringContaining(code),
      });
      expect({ metodo, ruta, status, codigos: codigos(o, status) }).toEqual({
        metodo,
        ruta,
        status,
        codigos: expect.arrayContaining([code]),
      });
    }
    expect(descripciones(op('get', '/health'))).toBeTruthy();
  });

  it('documents request bodies, list filters and response schemas', () => {
    expect(op('post', '/residentes').requestBody?.content['application/json'].schema.$ref).toBe(
      ref('CrearResidenteDto'),
    );
    expect(
      op('patch', '/residentes/{id}').requestBody?.content['application/json'].schema.$ref,
    ).toBe(ref('ActualizarResidenteDto'));
    expect(op('post', '/auth/login').requestBody?.content['application/json'].schema.$ref).toBe(
      ref('LoginDto'),
    );
    expect(op('post', '/auth/activar').requestBody).toBeDefined();
    const filtros = (op('get', '/residentes').parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => p.name);
    expect(filtros).toEqual(
      expect.arrayContaining(['torre', 'apartamento', 'activo', 'alDia', 'q', 'page', 'limit']),
    );
    expect(op('get', '/residentes/{id}').parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path' }),
    );
    const filtrosSolicitudes = (op('get', '/solicitudes').parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => p.name);
    expect(filtrosSolicitudes).toEqual(
      expect.arrayContaining([
        'estado',
        'tipo',
        'torre',
        'residenteId',
        'sorteoId',
        'page',
        'limit',
      ]),
    );

    const residente = doc.components.schemas.ResidenteDto;
    expect(Object.keys(residente.properties ?? {}).sort()).toEqual(
      [
        'id',
        'nombre',
        'documento',
        'email',
        'telefono',
        'torre',
        'apartamento',
        'tipo',
        'fechaIngreso',
        'fechaNacimiento',
        'discapacidad',
        'alDia',
        'activo',
        'cuenta',
        'registro',
        'createdAt',
        'updatedAt',
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas.SesionDto.properties ?? {}).sort()).toEqual([
      'accessToken',
      'expiresIn',
      'refreshToken',
      'tokenType',
      'usuario',
    ]);
    const creado = op('post', '/residentes').responses['201'].content?.['application/json'].schema
      .$ref;
    expect(creado).toBe(ref('ResidenteCreadoDto'));
    expect(doc.components.schemas.ResidenteCreadoDto.properties).toHaveProperty('activacion');
  });

  it("documents the residents' import: the CSV body, modo and the report", () => {
    const importar = op('post', '/residentes/importar');
    expect(Object.keys(importar.requestBody?.content ?? {})).toEqual(['text/csv']);
    expect(importar.parameters).toContainEqual(
      expect.objectContaining({ name: 'modo', in: 'query' }),
    );
    expect(importar.responses['200'].content?.['application/json'].schema.$ref).toBe(
      ref('ResultadoImportacionDto'),
    );
  });

  it('documents the spot inventory: the CSV body, the filters and both views of a spot', () => {
    const importar = op('post', '/parqueaderos/importar');
    expect(Object.keys(importar.requestBody?.content ?? {})).toEqual(['text/csv']);
    expect(importar.parameters).toContainEqual(
      expect.objectContaining({ name: 'modo', in: 'query' }),
    );
    const filtros = (op('get', '/parqueaderos').parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => p.name);
    expect(filtros).toEqual(
      expect.arrayContaining(['tipo', 'discapacidad', 'activo', 'zona', 'page', 'limit']),
    );
    const campos = (nombre: string) =>
      Object.keys(doc.components.schemas[nombre]?.properties ?? {}).sort();
    expect(campos('ParqueaderoInventarioDto')).toEqual(
      ['id', 'codigo', 'tipo', 'discapacidad', 'zona', 'activo', 'createdAt', 'updatedAt'].sort(),
    );
    expect(campos('ParqueaderoVistaResidenteDto')).toEqual(['codigo', 'tipo', 'zona']);
    expect(campos('ResultadoImportacionDto')).toEqual([
      'actualizados',
      'creados',
      'errores',
      'sinCambios',
    ]);
    expect(campos('ErrorFilaDto')).toEqual(['campo', 'code', 'fila', 'message']);
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await t.http.get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('swagger-ui');
  });
});
