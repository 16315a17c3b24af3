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
     * For bench/auditoria only (AUDITORIA_BENCH_SIN_REGISTRO=true): records nothing, to measure
     * what recording costs in the same run. Never set it anywhere else: the server logs an error
     * at start while it is set.
     */
    activa: env.AUDITORIA_BENCH_SIN_REGISTRO !== 'true',
  };
});
