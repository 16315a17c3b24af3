import type { AddressInfo } from 'node:net';
import { flujoCompleto } from './cliente/flujo';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  AppDePrueba,
  crearAppDePrueba,
  PASSWORD_RESIDENTE,
} from './support/app';

/**
 * The client a front end generates from /docs-json (openapi-typescript types, openapi-fetch
 * calls), run against a real listening server: `npm run openapi:client` regenerates its types from
 * the code before the typecheck and the tests, so drift breaks the build or this test.
 */
describe('Cliente generado desde el documento (e2e)', () => {
  let t: AppDePrueba;
  let baseUrl: string;

  beforeAll(async () => {
    t = await crearAppDePrueba();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('runs the whole flow, every response matching the document', async () => {
    const antes = t.contrato.revisadas;
    const fin = await flujoCompleto({
      baseUrl,
      admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      passwordResidente: PASSWORD_RESIDENTE,
      alResponder: async (metodo, url, respuesta) => {
        const texto = await respuesta.text();
        const contentType = respuesta.headers.get('content-type') ?? undefined;
        const cuerpo: unknown = contentType?.includes('json') ? JSON.parse(texto) : undefined;
        const cabeceras = Object.fromEntries(respuesta.headers.entries());
        const status = respuesta.status;
        t.contrato.validar({ metodo, url, status, contentType, cuerpo, texto, cabeceras });
      },
    });
    expect(t.contrato.revisadas - antes).toBe(11);

    // The resident reads the result: their own line whole, and the draw not annulled.
    expect(fin.resultado.anulado).toBeNull();
    expect(fin.resultado.participantes).toEqual([
      expect.objectContaining({
        solicitudId: fin.solicitudId,
        resultado: 'asignada',
        parqueadero: 'T-1',
        posicionEspera: null,
      }),
    ]);
    expect(fin.miAsignacion).toEqual([
      expect.objectContaining({ resultado: 'asignada', parqueadero: 'T-1', placa: 'TIP123' }),
    ]);
  });
});
