import { createHash } from 'node:crypto';
import type { MovimientoGuardado } from '../renuncias/movimiento.entity';
import type { CabeceraSorteo } from '../resultado.entity';

/**
 * Raised whenever the acta's layout or wording changes: the same result then gets a new ETag, so
 * no client keeps an acta printed by an older version.
 */
export const VERSION_DISENO_ACTA = 1;

export interface EntradasEtiqueta {
  cabecera: Pick<CabeceraSorteo, 'id' | 'anulado'>;
  movimientos: readonly Pick<MovimientoGuardado, 'n' | 'fecha'>[];
  conjunto: string;
  urlVerificacion: string;
}

/**
 * The acta's ETag, from what decides its bytes and without rendering it: the result (its id: a
 * complete result's own content never changes), its movimientos (append-only and numbered, so
 * their count and the last one), the annulment, the complex's name, the verification URL and the
 * layout version. The same for every reader: the acta shows units only.
 */
export function etiquetaActa(e: EntradasEtiqueta): string {
  const ultimo = e.movimientos.at(-1);
  const a = e.cabecera.anulado;
  const partes = [
    VERSION_DISENO_ACTA,
    e.cabecera.id,
    e.movimientos.length,
    ultimo ? [ultimo.n, ultimo.fecha.toISOString()] : null,
    a ? [a.fecha.toISOString(), a.por, a.motivo] : null,
    e.conjunto,
    e.urlVerificacion,
  ];
  const h = createHash('sha256').update(JSON.stringify(partes)).digest('base64url');
  return `"acta-${h.slice(0, 32)}"`;
}
