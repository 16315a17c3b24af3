import type { OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { aplanarReferenciasNulables } from 'src/core/docs/openapi-ajustes';
import { AppDePrueba, conContrato, crearAppDePrueba } from './support/app';
import { bearer, loginAdmin } from './support/auth-helpers';
import { ContratoOpenApi, DocumentoOpenApi } from './support/contrato-openapi';

const ID = '665f1a000000000000000001';
const json = 'application/json; charset=utf-8';

/** A draw summary the way @nestjs/swagger writes a nullable class property. */
function documentoConAnulado(): DocumentoOpenApi {
  return {
    paths: {
      '/sorteos/{id}': {
        get: {
          responses: {
            '200': {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Anulado: {
          type: 'object',
          properties: { motivo: { type: 'string' } },
          required: ['motivo'],
        },
        S: {
          type: 'object',
          properties: {
            anulado: {
              nullable: true,
              type: 'object',
              allOf: [{ $ref: '#/components/schemas/Anulado' }],
            },
          },
          required: ['anulado'],
        },
      },
    },
  };
}

describe('Validación de respuestas contra /docs-json (e2e)', () => {
  let t: AppDePrueba;
  let c: ContratoOpenApi;

  beforeAll(async () => {
    t = await crearAppDePrueba();
    c = t.contrato;
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('checks every response made through t.http', async () => {
    const antes = c.revisadas;
    const admin = await loginAdmin(t);
    await t.http.get('/residentes?page=1&limit=5').set(...bearer(admin));
    await t.http.get('/residentes/no-es-un-id').set(...bearer(admin));
    expect(c.revisadas - antes).toBe(3);
  });

  it('fails the request when the response departs from the document', async () => {
    const doc = structuredClone((await request(t.app.getHttpServer()).get('/docs-json')).body);
    doc.paths['/health'].get.responses['200'].content['application/json'].schema = {
      type: 'object',
      properties: { status: { type: 'string', enum: ['otro'] } },
    };
    const http = conContrato(request(t.app.getHttpServer()), new ContratoOpenApi(doc));
    await expect(http.get('/health')).rejects.toThrow(/no cumple el esquema/);
  });

  it('matches concrete URLs to path templates, literal segments first, query ignored', () => {
    expect(c.plantillaDe(`/residentes/${ID}?x=1`)).toBe('/residentes/{id}');
    expect(c.plantillaDe('/residentes/me?page=2')).toBe('/residentes/me');
    expect(c.plantillaDe(`/sorteo/resultados/${ID}/verificar`)).toBe(
      '/sorteo/resultados/{id}/verificar',
    );
    expect(c.plantillaDe('/residentes/a/b')).toBeUndefined();
  });

  it('refuses an undocumented status, a code the route does not list and an undeclared field', () => {
    const base = { metodo: 'GET', url: `/residentes/${ID}`, contentType: json };
    expect(c.revisar({ ...base, status: 418, cuerpo: {} }).join()).toMatch(/no documentado/);
    const error = { statusCode: 404, error: 'Not Found', code: 'NO_ENCONTRADO', message: 'No.' };
    expect(c.revisar({ ...base, status: 404, cuerpo: error })).toEqual([]);
    expect(c.revisar({ ...base, status: 404, cuerpo: { ...error, code: 'OTRO' } })).toHaveLength(1);
    expect(c.revisar({ ...base, status: 404, cuerpo: { ...error, _id: 'x' } })).toHaveLength(1);
  });

  it('requires the headers a response documents as required (Retry-After on 503)', () => {
    const base = { metodo: 'GET', url: '/residentes', status: 503, contentType: json };
    const cuerpo = {
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'BD_NO_DISPONIBLE',
      message: 'Intente luego.',
    };
    expect(c.revisar({ ...base, cuerpo, cabeceras: { 'retry-after': '5' } })).toEqual([]);
    expect(c.revisar({ ...base, cuerpo, cabeceras: {} }).join()).toMatch(/Retry-After/);
  });

  it('checks media types: JSON bodies by schema, others only by the declared type', () => {
    const base = { metodo: 'GET', url: '/health', status: 200 };
    expect(c.revisar({ ...base, contentType: 'text/html', texto: '<p>' }).join()).toMatch(
      /Content-Type "text\/html" no documentado/,
    );
    const error = { statusCode: 404, error: 'Not Found', code: 'NO_ENCONTRADO', message: 'No.' };
    const fuera = { metodo: 'GET', url: '/no-existe', contentType: json };
    expect(c.revisar({ ...fuera, status: 404, cuerpo: error })).toEqual([]);
    expect(c.revisar({ ...fuera, status: 200, cuerpo: {} }).join()).toMatch(/no está en el/);
    expect(
      c.revisar({ metodo: 'GET', url: '/docs', status: 200, contentType: 'text/html' }),
    ).toEqual([]);
    const sinCuerpo = { metodo: 'POST', url: '/auth/logout', status: 204 };
    expect(c.revisar({ ...sinCuerpo, texto: '' })).toEqual([]);
    expect(c.revisar({ ...sinCuerpo, contentType: json, texto: '{}', cuerpo: {} })).toHaveLength(1);
  });

  it('reads OpenAPI 3.0 nullable strictly, and the published form lets a null object through', () => {
    const resp = { metodo: 'GET', url: `/sorteos/${ID}`, status: 200, contentType: json };
    const comoNest = new ContratoOpenApi(documentoConAnulado());
    expect(comoNest.revisar({ ...resp, cuerpo: { anulado: null } })).toHaveLength(1);

    const publicado = documentoConAnulado();
    aplanarReferenciasNulables(publicado as unknown as OpenAPIObject);
    const corregido = new ContratoOpenApi(publicado);
    expect(corregido.revisar({ ...resp, cuerpo: { anulado: null } })).toEqual([]);
    expect(corregido.revisar({ ...resp, cuerpo: { anulado: { motivo: 'x' } } })).toEqual([]);
    expect(corregido.revisar({ ...resp, cuerpo: { anulado: {} } })).toHaveLength(1);
  });
});
