import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { appConfig } from './core/config/app.config';
import { configurarSwagger } from './core/docs/swagger';
import { registrarCuerpoCsv } from './core/http/cuerpo-csv';
import { configurarHttp } from './core/http/http-setup';

/** Builds the configured application; main.ts listens on it, e2e tests drive it in-process. */
export async function crearApp(opciones: { logger?: false } = {}): Promise<NestFastifyApplication> {
  const cfg = appConfig();
  const adapter = new FastifyAdapter({ bodyLimit: cfg.bodyLimitBytes, trustProxy: cfg.trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: opciones.logger ?? ['log', 'warn', 'error'],
  });
  await configurarHttp(app, { corsOrigins: cfg.corsOrigins });
  registrarCuerpoCsv(app, cfg.bodyLimitBytes);
  configurarSwagger(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
