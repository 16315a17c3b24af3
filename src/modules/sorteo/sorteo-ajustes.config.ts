import { registerAs } from '@nestjs/config';
import { booleano, entero } from 'src/core/config/env-parsers';

/** Operational settings of the draw, read once at boot (a bad value stops the process). */
export const sorteoAjustes = registerAs('sorteo', () => ({
  /** Participants per stored result chunk, and solicitudes per read while gathering the draw. */
  participantesPorBloque: entero(
    process.env,
    'SORTEO_PARTICIPANTES_POR_BLOQUE',
    // The variable's former name, still honoured (and only then read) so an existing deployment
    // keeps its setting.
    process.env.SORTEO_PARTICIPANTES_POR_BLOQUE
      ? 1000
      : entero(process.env, 'SORTEO_LOTE', 1000, 10, 10_000),
    10,
    10_000,
  ),
  /**
   * Whether a request may bring its own `semilla` (demonstrations and tests). Off by default: an
   * operator who can choose the seed can choose the outcome (SORTEO.md, announced draws).
   */
  semillaManual: booleano(process.env, 'SORTEO_SEMILLA_MANUAL', false),
  /**
   * How long a renuncia waits for the draw lock while other renuncias (or a draw) hold it before
   * answering 409 SORTEO_EN_CURSO. Renuncias arriving together are normal; each takes well under
   * a second.
   */
  /**
   * Entries (participants plus exclusions) of complete results kept decoded in memory per
   * instance (resultados-en-memoria.ts): 30,000 is three 10,000-participant results, ~60 MB.
   */
  resultadosEnMemoria: entero(process.env, 'SORTEO_RESULTADOS_EN_MEMORIA', 30_000, 0, 1_000_000),
  renunciaEsperaMs: entero(process.env, 'SORTEO_RENUNCIA_ESPERA_MS', 25_000, 0, 300_000),
}));
