import { registerAs } from '@nestjs/config';
import { entero } from 'src/core/config/env-parsers';

/** Operational settings of the draw, read once at boot (a bad value stops the process). */
export const sorteoAjustes = registerAs('sorteo', () => ({
  /**
   * A holder whose heartbeat is older than this is presumed dead and its work is finished or
   * undone by whoever takes the next turn. Instance clocks must agree to well within this.
   */
  latidoTimeoutMs: entero(process.env, 'SORTEO_LATIDO_TIMEOUT_MS', 30_000, 1_000, 600_000),
  /** Documents per bulk write and per participant chunk. */
  lote: entero(process.env, 'SORTEO_LOTE', 1000, 10, 10_000),
}));
