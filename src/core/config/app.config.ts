import { registerAs } from '@nestjs/config';
import { ConfiguracionInvalidaError, entero, esProduccion, lista, texto } from './env-parsers';

/**
 * Which proxies may set X-Forwarded-For (the client address that login throttling counts).
 * `true` would let any client claim any address, so only a hop count or addresses are accepted.
 */
function confianzaProxy(valor: string | undefined): false | number | string[] {
  if (valor === undefined || valor === 'false' || valor === '0') return false;
  if (/^\d+$/.test(valor)) return Number(valor);
  const direcciones = valor
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (valor === 'true' || direcciones.some((d) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(d))) {
    throw new ConfiguracionInvalidaError(
      'TRUST_PROXY',
      'debe ser false, un número de proxies (p. ej. 1) o una lista de direcciones/CIDR de proxies de confianza.',
    );
  }
  return direcciones;
}

export const appConfig = registerAs('app', () => {
  const env = process.env;
  const cors = lista(env, 'CORS_ORIGINS');
  for (const origen of cors) {
    if (origen !== '*' && !/^https?:\/\/[^\s/]+$/.test(origen)) {
      throw new ConfiguracionInvalidaError(
        'CORS_ORIGINS',
        `tiene un origen inválido: "${origen}" (use https://dominio[:puerto]).`,
      );
    }
  }
  return {
    produccion: esProduccion(env),
    port: entero(env, 'PORT', 3000, 1, 65535),
    host: texto(env, 'HOST', '0.0.0.0') as string,
    corsOrigins: cors,
    bodyLimitBytes: entero(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 16_777_216),
    trustProxy: confianzaProxy(texto(env, 'TRUST_PROXY')),
  };
});
