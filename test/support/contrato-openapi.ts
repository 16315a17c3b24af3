import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.0 document the check reads. */
export interface DocumentoOpenApi {
  paths: Record<string, Record<string, OperacionOpenApi | undefined>>;
  components?: { schemas?: Record<string, unknown> };
}
interface OperacionOpenApi {
  responses: Record<
    string,
    {
      headers?: Record<string, { required?: boolean }>;
      content?: Record<string, { schema?: unknown }>;
    }
  >;
}

/** One response as the test saw it. `cuerpo` is the parsed JSON body when there is one. */
export interface RespuestaObservada {
  metodo: string;
  url: string;
  status: number;
  contentType?: string;
  cuerpo?: unknown;
  texto?: string;
  /** Response headers, names in lower case; when given, the required documented ones must be there. */
  cabeceras?: Record<string, unknown>;
}

/**
 * Not operations of the API: the CORS preflight and HEAD are answered by the framework for every
 * route, and Swagger UI and the document itself are not described by the document.
 */
const METODOS_SIN_OPERACION = new Set(['OPTIONS', 'HEAD']);
const RUTAS_DE_DOCUMENTACION = /^\/docs(-json|\/.*)?$/;
const COMPONENTES = 'componentes';
const ESQUEMA_ERROR = { $ref: `${COMPONENTES}#/definitions/ErrorBodyDto` };

const esJson = (mediaType: string): boolean => /^application\/([\w.-]+\+)?json$/.test(mediaType);

/**
 * Rewrites `#/components/schemas/X` refs to the schema Ajv holds the components under, and closes
 * every object schema that lists its properties: a field the document does not declare is a field
 * a generated client does not know, so it fails the check too. Members of an `allOf` stay open,
 * because they describe only part of the object (the per-route `code` enums of the error body).
 */
function adaptar(nodo: unknown, enAllOf = false): unknown {
  if (Array.isArray(nodo)) return nodo.map((n) => adaptar(n, enAllOf));
  if (!nodo || typeof nodo !== 'object') return nodo;
  const salida: Record<string, unknown> = {};
  for (const [clave, valor] of Object.entries(nodo)) {
    if (clave === '$ref' && typeof valor === 'string') {
      salida.$ref = valor.replace('#/components/schemas/', `${COMPONENTES}#/definitions/`);
    } else if (clave === 'allOf' && Array.isArray(valor)) {
      salida.allOf = valor.map((n) => adaptar(n, true));
    } else if (clave === 'properties' && valor && typeof valor === 'object') {
      salida.properties = Object.fromEntries(
        Object.entries(valor).map(([k, v]) => [k, adaptar(v)]),
      );
    } else {
      salida[clave] = adaptar(valor);
    }
  }
  if (salida.properties && salida.additionalProperties === undefined && !enAllOf) {
    salida.additionalProperties = false;
  }
  return salida;
}

function describirErrores(errores: ErrorObject[] | null | undefined): string {
  return (errores ?? [])
    .slice(0, 8)
    .map((e) => `  ${e.instancePath || '(raíz)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}

/**
 * Checks responses against the document the app publishes at /docs-json: the operation must exist,
 * the status must be documented, the media type declared, and a JSON body must match the schema.
 * Ajv reads OpenAPI 3.0's `nullable` as the specification says (it adds `null` to `type`).
 */
export class ContratoOpenApi {
  private readonly ajv: Ajv;
  private readonly plantillas: Array<{ plantilla: string; patron: RegExp }>;
  private readonly validadores = new Map<string, ValidateFunction>();
  /** Responses checked so far, so a test can prove the check ran. */
  revisadas = 0;

  constructor(private readonly documento: DocumentoOpenApi) {
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    addFormats(this.ajv);
    this.ajv.addVocabulary(['example', 'xml', 'externalDocs']);
    this.ajv.addSchema({
      $id: COMPONENTES,
      definitions: adaptar(documento.components?.schemas ?? {}),
    });
    // Literal segments win over templates: /residentes/me before /residentes/{id}.
    this.plantillas = Object.keys(documento.paths)
      .map((plantilla) => ({
        plantilla,
        variables: (plantilla.match(/\{/g) ?? []).length,
        patron: new RegExp(
          `^${plantilla
            .split('/')
            .map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
            .join('/')}$`,
        ),
      }))
      .sort((a, b) => a.variables - b.variables);
    // Compiled now, not at the first response: a compile in the middle of a test's burst of
    // concurrent requests would stall the in-process server and change the race being tested.
    if (documento.components?.schemas?.ErrorBodyDto) this.validadorDe(ESQUEMA_ERROR);
    for (const item of Object.values(documento.paths)) {
      for (const op of Object.values(item)) {
        for (const respuesta of Object.values(op?.responses ?? {})) {
          for (const [media, { schema }] of Object.entries(respuesta.content ?? {})) {
            if (schema && esJson(media)) this.validadorDe(schema);
          }
        }
      }
    }
  }

  /** The documented path template a concrete URL (query string ignored) belongs to. */
  plantillaDe(url: string): string | undefined {
    const ruta = new URL(url, 'http://localhost').pathname;
    return this.plantillas.find((p) => p.patron.test(ruta))?.plantilla;
  }

  /** Every way the response departs from the document; empty when it matches. */
  revisar(r: RespuestaObservada): string[] {
    const metodo = r.metodo.toUpperCase();
    const ruta = new URL(r.url, 'http://localhost').pathname;
    if (METODOS_SIN_OPERACION.has(metodo) || RUTAS_DE_DOCUMENTACION.test(ruta)) return [];
    this.revisadas += 1;
    const mediaType = (r.contentType ?? '').split(';')[0].trim().toLowerCase();
    const plantilla = this.plantillaDe(ruta);
    const op = plantilla ? this.documento.paths[plantilla][metodo.toLowerCase()] : undefined;
    if (!plantilla || !op) {
      // Not an operation (an unknown path or method): only an error in the contract's shape is right.
      if (r.status < 400) return [`${metodo} ${ruta} no está en el documento (status ${r.status})`];
      return this.validarCuerpo(`error ${r.status}`, ESQUEMA_ERROR, mediaType, r.cuerpo);
    }
    const nombre = `${metodo} ${plantilla} → ${r.status}`;
    const familia = `${String(r.status)[0]}XX`;
    const respuesta =
      op.responses[String(r.status)] ?? op.responses[familia] ?? op.responses.default;
    if (!respuesta) {
      const documentados = Object.keys(op.responses).join(', ');
      return [`${nombre}: status no documentado (documentados: ${documentados})`];
    }
    const faltan = Object.entries(respuesta.headers ?? {})
      .filter(([h, d]) => d.required && r.cabeceras && r.cabeceras[h.toLowerCase()] === undefined)
      .map(([h]) => `${nombre}: falta la cabecera documentada ${h}`);
    if (faltan.length > 0) return faltan;
    const contenido = respuesta.content ?? {};
    // supertest parses an empty body to {}: the raw text, when there is one, is what was sent.
    const tieneCuerpo =
      r.texto !== undefined ? r.texto !== '' : r.cuerpo !== undefined && r.cuerpo !== '';
    if (Object.keys(contenido).length === 0) {
      return tieneCuerpo ? [`${nombre}: responde un cuerpo (${mediaType}) no documentado`] : [];
    }
    const media = contenido[mediaType] ?? contenido[`${mediaType.split('/')[0]}/*`];
    if (!media) {
      const declarados = Object.keys(contenido).join(', ');
      return [
        `${nombre}: Content-Type "${mediaType}" no documentado (documentados: ${declarados})`,
      ];
    }
    return media.schema ? this.validarCuerpo(nombre, media.schema, mediaType, r.cuerpo) : [];
  }

  /** Throws with every problem found, for use inside a test. */
  validar(r: RespuestaObservada): void {
    const problemas = this.revisar(r);
    if (problemas.length > 0) {
      const cuerpo = JSON.stringify(r.cuerpo ?? r.texto ?? null).slice(0, 1500);
      throw new Error(
        `La respuesta no cumple /docs-json (${r.metodo.toUpperCase()} ${r.url}):\n` +
          `${problemas.join('\n')}\ncuerpo: ${cuerpo}`,
      );
    }
  }

  private validadorDe(schema: unknown): ValidateFunction {
    const clave = JSON.stringify(schema);
    let validar = this.validadores.get(clave);
    if (!validar) {
      validar = this.ajv.compile(adaptar(schema) as object);
      this.validadores.set(clave, validar);
    }
    return validar;
  }

  private validarCuerpo(
    nombre: string,
    schema: unknown,
    mediaType: string,
    cuerpo: unknown,
  ): string[] {
    // Only JSON bodies have a schema to check; the others are checked by media type above.
    if (!esJson(mediaType)) {
      return schema === ESQUEMA_ERROR ? [`${nombre}: el error no es JSON (${mediaType})`] : [];
    }
    const validar = this.validadorDe(schema);
    return validar(cuerpo)
      ? []
      : [`${nombre}: el cuerpo no cumple el esquema\n${describirErrores(validar.errors)}`];
  }
}

const porDocumento = new Map<string, ContratoOpenApi>();

/** One compiled contract per distinct document, shared by every app a test file starts. */
export function contratoDe(documento: DocumentoOpenApi): ContratoOpenApi {
  const clave = JSON.stringify(documento);
  let contrato = porDocumento.get(clave);
  if (!contrato) {
    contrato = new ContratoOpenApi(documento);
    porDocumento.set(clave, contrato);
  }
  return contrato;
}
