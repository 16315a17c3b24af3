import { registerAs } from '@nestjs/config';
import { entero } from 'src/core/config/env-parsers';

/** The draw lock's settings, read once at boot (a bad value stops the process). */
export const turnosConfig = registerAs('turnos', () => ({
  /**
   * A holder whose heartbeat is older than this is presumed dead and its work is finished or
   * undone by whoever takes the next turn. Instance clocks must agree to well within this.
   */
  latidoTimeoutMs: entero(process.env, 'SORTEO_LATIDO_TIMEOUT_MS', 30_000, 1_000, 600_000),
}));
