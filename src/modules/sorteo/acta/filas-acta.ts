import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import type { MovimientoGuardado } from '../renuncias/movimiento.entity';
import type { ParticipanteGuardado } from '../resultado.entity';

/**
 * Separates the cells of a row kept as one string. Control characters are refused in every stored
 * text (API.md Conventions), so it never occurs inside a cell, and it sorts before any character:
 * the plain string order of two rows is the order of their (torre, apartamento).
 */
const SEP = '\u0000';

/** A table row of the acta: torre, apartamento, resultado, parqueadero, posición, novedad. */
export type FilaActa = readonly [string, string, string, string, string, string];

/** Each vehicle type's rows, in unit order, as compact strings (see `celdas`). */
export interface FilasActa {
  carro: string[];
  moto: string[];
}

/**
 * What the movimientos did to a participant, for the "novedad" column: only renuncias and
 * promotions, which the public view of the movimientos shows with their unit. An omision is never
 * printed against a unit: it would say who was inactive or in arrears.
 */
export function novedades(movimientos: readonly MovimientoGuardado[]): Map<string, string> {
  const mapa = new Map<string, string>();
  for (const m of [...movimientos].sort((a, b) => a.n - b.n)) {
    if (m.solicitudId === null) continue;
    let texto: string | null = null;
    if (m.tipo === 'renuncia') texto = `renunció a ${m.parqueadero} (mov. ${m.n})`;
    else if (m.tipo === 'promocion') texto = `promovida a ${m.parqueadero} (mov. ${m.n})`;
    if (texto === null) continue;
    const antes = mapa.get(m.solicitudId);
    mapa.set(m.solicitudId, antes ? `${antes}; ${texto}` : texto);
  }
  return mapa;
}

/**
 * The participants' rows, read chunk by chunk (one decoded chunk at a time): only the six printed
 * cells of each participant are kept, never a name, document, placa or priority attribute. They
 * are sorted by unit, not kept in result order, which would show who won in the reserved stage
 * (API.md: the residents' view), and the acta is the same for every reader.
 */
export async function filasPorUnidad(
  bloques: AsyncIterable<readonly ParticipanteGuardado[]>,
  movimientos: readonly MovimientoGuardado[],
): Promise<FilasActa> {
  const notas = novedades(movimientos);
  const filas: Record<TipoVehiculo, string[]> = { carro: [], moto: [] };
  for await (const bloque of bloques) {
    for (const p of bloque) {
      filas[p.tipoVehiculo].push(
        [
          p.unidad.torre,
          p.unidad.apartamento,
          p.resultado,
          p.parqueadero ?? '',
          p.posicionEspera === null ? '' : String(p.posicionEspera),
          notas.get(p.solicitudId) ?? '',
        ].join(SEP),
      );
    }
  }
  filas.carro.sort();
  filas.moto.sort();
  return filas;
}

export function celdas(fila: string): FilaActa {
  const c = fila.split(SEP);
  return [c[0], c[1], c[2], c[3], c[4], c[5]];
}
