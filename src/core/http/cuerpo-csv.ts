import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** At least this much for a CSV body: 5,000 rows of the widest spot or resident must fit. */
export const LIMITE_MINIMO_CSV_BYTES = 4 * 1024 * 1024;

/**
 * `text/csv` bodies reach the handlers as text (the imports, API.md). Registered app-wide, like
 * Fastify's own `text/plain`: a JSON route that receives one answers 400 VALIDACION, as it does for
 * `text/plain`. Its own limit, so a full import fits even with a small BODY_LIMIT_BYTES; the JSON
 * routes keep theirs.
 */
export function registrarCuerpoCsv(app: NestFastifyApplication, bodyLimitBytes: number): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: Math.max(bodyLimitBytes, LIMITE_MINIMO_CSV_BYTES) },
      (_req, cuerpo, hecho) => hecho(null, cuerpo),
    );
}
