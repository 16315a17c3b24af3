import type { Espectador } from '../resultado.mapper';
import type { MovimientoDto } from './dto/renuncia.dto';
import type { MovimientoGuardado } from './movimiento.entity';

function deSuUnidad(m: MovimientoGuardado, e: Espectador): boolean {
  if (e.rol === 'admin') return true;
  return (
    e.unidad !== null &&
    m.unidad !== null &&
    m.unidad.torre === e.unidad.torre &&
    m.unidad.apartamento === e.unidad.apartamento
  );
}

/** API.md: residents see other units' movimientos as `{n, tipo, unidad, parqueadero}` only. */
export function aMovimientoDto(m: MovimientoGuardado, e: Espectador): MovimientoDto {
  const unidad = m.unidad ? { torre: m.unidad.torre, apartamento: m.unidad.apartamento } : null;
  if (!deSuUnidad(m, e)) {
    // Being passed over means inactive or in arrears: which unit it was is not published.
    return {
      n: m.n,
      tipo: m.tipo,
      unidad: m.tipo === 'omision' ? null : unidad,
      parqueadero: m.parqueadero,
    };
  }
  return {
    n: m.n,
    tipo: m.tipo,
    unidad,
    parqueadero: m.parqueadero,
    solicitudId: m.solicitudId,
    motivo: m.motivo,
    fecha: m.fecha.toISOString(),
    por: m.por,
  };
}
