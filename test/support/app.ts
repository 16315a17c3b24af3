import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Connection } from 'mongoose';
import { getConnectionToken } from '@nestjs/mongoose';
import request from 'supertest';

export const ADMIN_EMAIL = 'admin@parknet.test';
// Not containing the email's local part (`admin`), which the password rules refuse.
export const ADMIN_PASSWORD = 'la junta del conjunto aprueba cuentas 2026';
export const PASSWORD_RESIDENTE = 'mi casa tiene un parqueadero azul';

export interface AppDePrueba {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  connection: Connection;
  dbName: string;
  cerrar(): Promise<void>;
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
  return {
    app,
    http: request(app.getHttpServer()),
    connection,
    dbName,
    cerrar: async () => {
      await connection.dropDatabase().catch(() => undefined);
      await app.close();
    },
  };
}
