import { Logger } from '@nestjs/common';
import { registerAs } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { ConfiguracionInvalidaError, entero, esProduccion, texto } from './env-parsers';

const PLACEHOLDERS = /cambie|change|secret|example|placeholder/i;

let secretoGenerado: Buffer | undefined;

function secretoJwt(): Buffer {
  const valor = texto(process.env, 'JWT_SECRET');
  if (valor === undefined) {
    // Generated once per process: every reader of the config must agree on it.
    if (secretoGenerado) return secretoGenerado;
    if (esProduccion(process.env)) {
      throw new ConfiguracionInvalidaError(
        'JWT_SECRET',
        'es obligatorio en producción (al menos 32 bytes).',
      );
    }
    new Logger('Config').warn(
      'JWT_SECRET no está definido: se generó uno aleatorio; las sesiones no sobrevivirán un reinicio.',
    );
    secretoGenerado = randomBytes(48);
    return secretoGenerado;
  }
  if (Buffer.byteLength(valor, 'utf8') < 32) {
    throw new ConfiguracionInvalidaError('JWT_SECRET', 'debe tener al menos 32 bytes.');
  }
  if (esProduccion(process.env) && PLACEHOLDERS.test(valor)) {
    throw new ConfiguracionInvalidaError(
      'JWT_SECRET',
      'parece un valor de ejemplo; genere uno aleatorio.',
    );
  }
  return Buffer.from(valor, 'utf8');
}

export const authConfig = registerAs('auth', () => {
  const env = process.env;
  const adminEmail = texto(env, 'ADMIN_EMAIL')?.toLowerCase();
  const adminPassword = texto(env, 'ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfiguracionInvalidaError(
      adminEmail === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD',
      'debe definirse junto con su pareja (ADMIN_EMAIL y ADMIN_PASSWORD).',
    );
  }
  return {
    jwtSecret: secretoJwt(),
    accessTtlSeconds: entero(env, 'JWT_ACCESS_TTL', 900, 60, 86_400),
    refreshTtlSeconds: entero(env, 'JWT_REFRESH_TTL', 2_592_000, 3600, 31_536_000),
    bcryptRounds: entero(env, 'BCRYPT_ROUNDS', 12, esProduccion(env) ? 10 : 4, 15),
    activacionTtlHoras: entero(env, 'ACTIVACION_TTL_HORAS', 72, 1, 720),
    adminEmail,
    adminPassword,
    loginMaxFallosEmail: entero(env, 'LOGIN_MAX_FALLOS_EMAIL', 10, 1, 10),
    // Failures per email from one address (or IPv6 /64), per address, per email from everywhere.
    loginMaxFallosIp: entero(env, 'LOGIN_MAX_FALLOS_IP', 50, 1, 100_000),
    loginMaxFallosEmailTotal: entero(env, 'LOGIN_MAX_FALLOS_EMAIL_TOTAL', 100, 1, 100),
    loginVentanaMinutos: entero(env, 'LOGIN_VENTANA_MIN', 15, 1, 1440),
    // Self-registrations per address (or IPv6 /64) in the window, successful or not.
    registroMaxPorIp: entero(env, 'REGISTRO_MAX_POR_IP', 20, 1, 100_000),
    registroVentanaMinutos: entero(env, 'REGISTRO_VENTANA_MIN', 60, 1, 1440),
    sesionesMaxPorUsuario: entero(env, 'SESIONES_MAX_POR_USUARIO', 20, 1, 10_000),
    limiteSolicitudesPorMinuto: entero(env, 'LIMITE_SOLICITUDES_POR_MINUTO', 600, 1, 1_000_000),
  };
});
