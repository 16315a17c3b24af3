import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { ConfiguracionInvalidaError } from './core/config/env-parsers';
import { validarConfiguracion } from './core/config/configuracion';
import { appConfig } from './core/config/app.config';
import { databaseConfig } from './core/config/database.config';
import { BaseEmbebida, iniciarBaseEmbebida } from './core/database/embedded-database';

async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  validarConfiguracion();
  const db = databaseConfig();
  let embebida: BaseEmbebida | undefined;
  if (!db.uri) {
    embebida = await iniciarBaseEmbebida(db.dataDir, db.ferretdbBin);
    process.env.MONGODB_URI = embebida.uri;
  }
  // Imported late: the app module reads the configuration, which must see MONGODB_URI.
  const { crearApp } = await import('./app.factory');
  const app = await crearApp();
  if (embebida) {
    const base = embebida;
    const detener = (): void => void base.detener();
    process.once('exit', detener);
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onClose', async () => base.detener());
  }
  const { port, host } = appConfig();
  await app.listen({ port, host });
  new Logger('ParkNet').log(`API en http://${host}:${port} — documentación en /docs`);
}

bootstrap().catch((err: unknown) => {
  if (err instanceof ConfiguracionInvalidaError) {
    console.error(err.message);
  } else {
    console.error(err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
