import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { respuestaDeError } from './respuestas-error';

/** Set by `@Publica()`; turned into `security: []` here and removed from the published document. */
export const MARCA_PUBLICA = 'x-parknet-publica';
/** Set by `@CuentaPropia()`: a write the revisor may make; read here and removed. */
export const MARCA_CUENTA_PROPIA = 'x-parknet-cuenta-propia';

const METODOS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operaciones(documento: OpenAPIObject): Array<[string, OperationObject]> {
  const lista: Array<[string, OperationObject]> = [];
  for (const [ruta, item] of Object.entries(documento.paths)) {
    for (const metodo of METODOS) {
      const op = item[metodo];
      if (op) lista.push([`${metodo.toUpperCase()} ${ruta}`, op]);
    }
  }
  return lista;
}

/**
 * Answers every route shares, added once here instead of on each handler where they would be
 * forgotten: an unexpected failure and an unreachable database (any route), the per-user request
 * limit (authenticated routes; exigirSeguridadExplicita must have run), and for routes with a
 * body the two errors Fastify raises before a handler runs (body over BODY_LIMIT_BYTES, a
 * Content-Type other than JSON).
 */
export function documentarErroresComunes(documento: OpenAPIObject): void {
  for (const [, op] of operaciones(documento)) {
    op.responses['500'] ??= respuestaDeError(
      500,
      ['ERROR_INTERNO'],
      'falla inesperada; el detalle queda solo en el registro del servidor.',
    );
    op.responses['503'] ??= respuestaDeError(
      503,
      ['BD_NO_DISPONIBLE'],
      'la base de datos no responde; reintente (cabecera Retry-After).',
    );
    // Every authenticated operation counts against the per-user request limit (JwtAuthGuard).
    if (op.security?.length) {
      op.responses['429'] ??= respuestaDeError(
        429,
        ['DEMASIADOS_INTENTOS'],
        'demasiadas solicitudes del usuario en un minuto (LIMITE_SOLICITUDES_POR_MINUTO); reintente tras la cabecera Retry-After.',
      );
    }
    if (!op.requestBody) continue;
    op.responses['413'] ??= respuestaDeError(
      413,
      ['CUERPO_DEMASIADO_GRANDE'],
      'el cuerpo supera el límite del servidor (BODY_LIMIT_BYTES).',
    );
    op.responses['415'] ??= respuestaDeError(
      415,
      ['TIPO_CONTENIDO_NO_SOPORTADO'],
      'el cuerpo debe enviarse como application/json.',
    );
  }
}

/**
 * Authentication is global, so a route without a security requirement would read as public to a
 * client generator. Public routes say `security: []` explicitly, and a route that is neither
 * `@Publica()` nor `@Autenticado()` stops the document from being built at all.
 */
export function exigirSeguridadExplicita(documento: OpenAPIObject): void {
  const sinDeclarar: string[] = [];
  for (const [nombre, op] of operaciones(documento)) {
    const extendida = op as OperationObject & Record<string, unknown>;
    const publica = extendida[MARCA_PUBLICA] === true;
    delete extendida[MARCA_PUBLICA];
    if (publica) op.security = [];
    else if (!op.security?.length) sinDeclarar.push(nombre);
  }
  if (sinDeclarar.length > 0) {
    throw new Error(`Rutas sin @Publica() ni @Autenticado(): ${sinDeclarar.join(', ')}`);
  }
}

/**
 * The revisor is refused every write (core/auth/roles.ts), whatever roles the route names, so every
 * authenticated operation other than a GET documents 403 PROHIBIDO, also one added later that
 * names no role. `@CuentaPropia()` routes (the caller's own account) are the exception.
 * exigirSeguridadExplicita must have run (it fills `security`).
 */
export function documentarSoloLectura(documento: OpenAPIObject): void {
  for (const [nombre, op] of operaciones(documento)) {
    const extendida = op as OperationObject & Record<string, unknown>;
    const propia = extendida[MARCA_CUENTA_PROPIA] === true;
    delete extendida[MARCA_CUENTA_PROPIA];
    if (propia || nombre.startsWith('GET ') || !op.security?.length) continue;
    const previa = op.responses['403'] as ResponseObject | undefined;
    const codigos = previa ? codigosDe(previa) : [];
    // A 403 documented some other way is left as it is: the e2e contract check would show it.
    if (!codigos || codigos.includes('PROHIBIDO')) continue;
    op.responses['403'] = respuestaDeError(
      403,
      [...codigos, 'PROHIBIDO'],
      `${previa?.description ? `${previa.description} ` : ''}PROHIBIDO: el rol revisor solo puede consultar; no hace cambios.`,
    );
  }
}

/** The `code` enum of an error response written by `respuestaDeError`; null for another shape. */
function codigosDe(respuesta: ResponseObject): string[] | null {
  const esquema = respuesta.content?.['application/json']?.schema as SchemaObject | undefined;
  const partes = (esquema?.allOf ?? []) as SchemaObject[];
  const code = partes.map((p) => p.properties?.code as SchemaObject | undefined).find(Boolean);
  return Array.isArray(code?.enum) ? (code.enum as string[]) : null;
}

/**
 * @nestjs/swagger writes a nullable class property as `{nullable: true, allOf: [{$ref}]}`. Under
 * OpenAPI 3.0.3 `nullable` only widens the `type` beside it and `null` still fails the `allOf`, so
 * strict validators (Ajv, runtime-validating clients) reject the `null` the API sends. The
 * referenced object is copied in place instead, which every tool reads as "this object or null".
 */
export function aplanarReferenciasNulables(documento: OpenAPIObject): void {
  const esquemas = documento.components?.schemas ?? {};
  const visitar = (nodo: unknown): void => {
    if (Array.isArray(nodo)) {
      nodo.forEach(visitar);
      return;
    }
    if (!nodo || typeof nodo !== 'object') return;
    const e = nodo as SchemaObject & Record<string, unknown>;
    const unico = e.allOf?.length === 1 ? (e.allOf[0] as ReferenceObject) : undefined;
    if (e.nullable === true && unico?.$ref) {
      const nombre = unico.$ref.replace('#/components/schemas/', '');
      const destino = esquemas[nombre] as SchemaObject | undefined;
      if (!destino) throw new Error(`Esquema ${nombre} no existe`);
      delete e.allOf;
      Object.assign(e, structuredClone(destino), {
        nullable: true,
        ...(e.description ? { description: e.description } : {}),
      });
    }
    Object.values(e).forEach(visitar);
  };
  visitar(documento.paths);
  visitar(esquemas);
  quitarEsquemasSinUso(documento);
}

/** A component that only a nullable property used would be left behind as noise for generators. */
function quitarEsquemasSinUso(documento: OpenAPIObject): void {
  const esquemas = documento.components?.schemas;
  if (!esquemas) return;
  for (;;) {
    const texto = JSON.stringify({ paths: documento.paths, esquemas });
    const sinUso = Object.keys(esquemas).filter(
      (n) => !texto.includes(`"#/components/schemas/${n}"`),
    );
    if (sinUso.length === 0) return;
    for (const n of sinUso) delete esquemas[n];
  }
}
