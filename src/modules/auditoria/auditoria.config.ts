import { registerAs } from '@nestjs/config';
import { entero, texto } from 'src/core/config/env-parsers';

export const auditoriaConfig = registerAs('auditoria', () => {
  const env = process.env;
  return {
    /** Newest entries each instance keeps whole in memory, so their pages need no read. */
    enCache: entero(env, 'AUDITORIA_ENTRADAS_EN_MEMORIA', 20_000, 0, 1_000_000),
    /** How often unchained entries (docs/auditoria.md#recuperación) are retried. */
    reintentoMs: entero(env, 'AUDITORIA_REINTENTO_MS', 5_000, 100, 600_000),
    /** Where they wait meanwhile (DATA_DIR/auditoria by default). */
    carpeta: texto(env, 'AUDITORIA_DIR') ?? `${texto(env, 'DATA_DIR', './data')}/auditoria`,
    /**
     * For bench/auditoria only: `false` records nothing, to measure what recording costs. Refused
     * in production (NODE_ENV=production), where the log must be complete.
     */
    activa: env.NODE_ENV === 'production' || env.AUDITORIA_BENCH_SIN_REGISTRO !== 'true',
  };
});
