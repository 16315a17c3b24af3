import type { Unidad } from 'src/shared/dominio/vocabulario';
import { compararUnidadesUtf16 } from './core/orden';

/**
 * A resident's view of a result (API.md, Ley 1581): the participants by unit, then vehicle type,
 * never in result order, which would show who won in the reserved stage, that is who has a
 * disability. Stable, so one unit's entries keep their relative order.
 */
export function ordenPorUnidad<T extends { unidad: Unidad; tipoVehiculo: string }>(
  participantes: readonly T[],
): T[] {
  return [...participantes].sort(
    (a, b) =>
      compararUnidadesUtf16(a.unidad.torre, b.unidad.torre) ||
      compararUnidadesUtf16(a.unidad.apartamento, b.unidad.apartamento) ||
      compararUnidadesUtf16(a.tipoVehiculo, b.tipoVehiculo),
  );
}
