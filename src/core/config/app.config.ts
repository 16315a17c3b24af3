import { registerAs } from '@nestjs/config';
import { ConfiguracionInvalidaError, entero, esProduccion, lista, texto, booleano } from './env-parsers';

export const appConfig = registerAs('app', () => {
  const env = process.env;
  const cors = lista(env, 'CORS_ORIGINS');
  for (const origen of cors) {
    if (origen !== '*' && !/^https?:\/\/[^\s/]+$/.test(origen)) {
      throw new ConfiguracionInvalidaError('CORS_ORIGINS', `tiene un origen inválido: "${origen}" (use https://dominio[:puerto]).`);
    }
  }
  return {
    produccion: esProduccion(env),
    port: entero(env, 'PORT', 3000, 1, 65535),
    host: texto(env, 'HOST', '0.0.0.0') as string,
    corsOrigins: cors,
    bodyLimitBytes: entero(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 16_777_216),
    trustProxy: booleano(env, 'TRUST_PROXY', false),
  };
});
