import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from 'src/app.module';
import { crearDocumentoOpenApi } from 'src/core/docs/swagger';

/**
 * Writes the document /docs-json serves to a file (default openapi/openapi.json), for the linter
 * and the typed client. `preview` builds the module graph without instantiating providers, so no
 * database is needed.
 */
async function exportar(destino: string): Promise<void> {
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: ['error'],
  });
  const documento = crearDocumentoOpenApi(app);
  await app.close();
  mkdirSync(dirname(destino), { recursive: true });
  writeFileSync(destino, `${JSON.stringify(documento, null, 2)}\n`);
  console.log(`OpenAPI: ${Object.keys(documento.paths).length} rutas en ${destino}`);
}

exportar(resolve(process.argv[2] ?? 'openapi/openapi.json')).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
