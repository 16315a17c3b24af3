import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Connection } from 'mongoose';
import { getConnectionToken } from '@nestjs/mongoose';
import request from 'supertest';
import { ContratoOpenApi, contratoDe, DocumentoOpenApi } from './contrato-openapi';

export const ADMIN_EMAIL = 'admin@parknet.test';
// Not containing the email's local part (`admin`), which the password rules refuse.
export const ADMIN_PASSWORD = 'la junta del conjunto aprueba cuentas 2026';
export const PASSWORD_RESIDENTE = 'mi casa tiene un parqueadero azul';

type Http = ReturnType<typeof request>;

export interface AppDePrueba {
  app: NestFastifyApplication;
  /** supertest, with every response checked against the app's own /docs-json. */
  http: Http;
  contrato: ContratoOpenApi;
  connection: Connection;
  dbName: string;
  cerrar(): Promise<void>;
}

const METODOS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options'] as const;

/**
 * Wraps each supertest method so the response is validated when the request is awaited: an
 * undocumented status or a body off its schema fails the test that made the request, whatever
 * the test itself asserts.
 */
export function conContrato(http: Http, contrato: ContratoOpenApi): Http {
  const metodos = http as unknown as Record<string, (url: string) => request.Test>;
  for (const m of METODOS) {
    const original = metodos[m];
    if (typeof original !== 'function') continue;
    metodos[m] = (url: string) => {
      const prueba = original.call(http, url);
      return prueba.expect((res) =>
        contrato.validar({
          metodo: prueba.method,
          url: prueba.url,
          status: res.status,
          contentType: res.headers['content-type'],
          cuerpo: res.body,
          texto: res.text,
          cabeceras: res.headers,
        }),
      );
    };
  }
  return http;
}

/**
 * A full application on its own database. The app module is imported only after the environment
 * is set, because the configuration is read when the module loads.
 */
export async function crearAppDePrueba(env: Record<string, string> = {}): Promise<AppDePrueba> {
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    MONGODB_DB: dbName,
    JWT_SECRET: 'clave-de-pruebas-de-al-menos-32-bytes-de-largo',
    BCRYPT_ROUNDS: '4',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    MONGODB_TIMEOUT_MS: '3000',
    ...env,
  });
  const { crearApp } = await import('src/app.factory');
  const app = await crearApp({ logger: false });
  const connection = app.get<Connection>(getConnectionToken());
  // The document the clients download, read the way they read it.
  const doc = await request(app.getHttpServer()).get('/docs-json');
  if (doc.status !== 200) throw new Error(`/docs-json: ${doc.status}`);
  const contrato = contratoDe(doc.body as DocumentoOpenApi);
  return {
    app,
    http: conContrato(request(app.getHttpServer()), contrato),
    contrato,
    connection,
    dbName,
    cerrar: async () => {
      await connection.dropDatabase().catch(() => undefined);
      await app.close();
    },
  };
}
