import type { OpenAPIObject } from '@nestjs/swagger';
import {
  aplanarReferenciasNulables,
  documentarErroresComunes,
  documentarSoloLectura,
  exigirSeguridadExplicita,
  MARCA_CUENTA_PROPIA,
  MARCA_PUBLICA,
} from './openapi-ajustes';
import { respuestaDeError } from './respuestas-error';

const ok = { '200': { description: 'ok' } };

function documento(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}) {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths,
    components: { schemas },
  } as unknown as OpenAPIObject;
}

describe('exigirSeguridadExplicita', () => {
  it('turns the @Publica() mark into security: [] and drops the mark', () => {
    const doc = documento({
      '/a': { post: { [MARCA_PUBLICA]: true, responses: ok } },
      '/b': { get: { security: [{ bearer: [] }], responses: ok } },
    });
    exigirSeguridadExplicita(doc);
    expect(doc.paths['/a'].post).toEqual({ security: [], responses: ok });
    expect(doc.paths['/b'].get?.security).toEqual([{ bearer: [] }]);
  });

  it('refuses a route that declares neither', () => {
    const doc = documento({ '/c': { get: { responses: ok } } });
    expect(() => exigirSeguridadExplicita(doc)).toThrow('GET /c');
  });
});

describe('documentarErroresComunes', () => {
  it('adds 500 and 503 everywhere, 413 and 415 where there is a body, and keeps what exists', () => {
    const propio = { description: 'propio' };
    const doc = documento({
      '/a': { get: { responses: { ...ok, '503': propio } } },
      '/b': { post: { requestBody: { content: {} }, responses: ok } },
    });
    documentarErroresComunes(doc);
    const a = doc.paths['/a'].get?.responses ?? {};
    const b = doc.paths['/b'].post?.responses ?? {};
    expect(Object.keys(a).sort()).toEqual(['200', '500', '503']);
    expect(a['503']).toBe(propio);
    expect(Object.keys(b).sort()).toEqual(['200', '413', '415', '500', '503']);
    expect(JSON.stringify(b['413'])).toContain('CUERPO_DEMASIADO_GRANDE');
  });
});

describe('aplanarReferenciasNulables', () => {
  it('inlines a nullable $ref, keeping its description, and drops a component left unused', () => {
    const anulado = { type: 'object', properties: { m: { type: 'string' } }, required: ['m'] };
    const doc = documento(
      {},
      {
        Anulado: anulado,
        Otro: { type: 'object', properties: { o: { $ref: '#/components/schemas/Usado' } } },
        Usado: { type: 'string' },
        R: {
          type: 'object',
          properties: {
            anulado: {
              nullable: true,
              description: 'd',
              allOf: [{ $ref: '#/components/schemas/Anulado' }],
            },
            otro: { $ref: '#/components/schemas/Otro' },
          },
        },
      },
    );
    doc.paths['/r'] = {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/R' } } },
          },
        },
      },
    };
    aplanarReferenciasNulables(doc);
    const esquemas = doc.components?.schemas ?? {};
    expect((esquemas.R as { properties: Record<string, unknown> }).properties.anulado).toEqual({
      ...anulado,
      nullable: true,
      description: 'd',
    });
    expect(Object.keys(esquemas).sort()).toEqual(['Otro', 'R', 'Usado']);
  });
});

describe('documentarSoloLectura', () => {
  const seguro = [{ bearer: [] }];
  // Fresh each time: the suites above add to the responses objects they are given.
  const soloOk = () => ({ '200': { description: 'ok' } });

  it('documents the revisor 403 on authenticated writes, not on reads, public or own-account ones', () => {
    const doc = documento({
      '/a': {
        get: { security: seguro, responses: soloOk() },
        post: { security: seguro, responses: soloOk() },
        delete: { security: seguro, [MARCA_CUENTA_PROPIA]: true, responses: soloOk() },
      },
      '/b': { post: { security: [], responses: soloOk() } },
    });
    documentarSoloLectura(doc);
    expect(Object.keys(doc.paths['/a'].get?.responses ?? {})).toEqual(['200']);
    expect(JSON.stringify(doc.paths['/a'].post?.responses['403'])).toContain(
      '"enum":["PROHIBIDO"]',
    );
    expect(doc.paths['/a'].delete).toEqual({ security: seguro, responses: soloOk() });
    expect(Object.keys(doc.paths['/b'].post?.responses ?? {})).toEqual(['200']);
  });

  it('keeps a 403 that lists PROHIBIDO and adds it to one that lists other codes', () => {
    const conProhibido = respuestaDeError(403, ['PROHIBIDO'], 'solo admin.');
    const doc = documento({
      '/a': { patch: { security: seguro, responses: { ...soloOk(), '403': conProhibido } } },
      '/b': {
        put: {
          security: seguro,
          responses: { ...soloOk(), '403': respuestaDeError(403, ['OTRO']) },
        },
      },
    });
    documentarSoloLectura(doc);
    expect(doc.paths['/a'].patch?.responses['403']).toBe(conProhibido);
    expect(JSON.stringify(doc.paths['/b'].put?.responses['403'])).toContain(
      '"enum":["OTRO","PROHIBIDO"]',
    );
  });
});
