import {
  aplicarMovimiento,
  candidatos,
  MOTIVOS_OMISION,
  MOTIVOS_RENUNCIA,
  type Movimiento,
  type ParticipanteEnLista,
  tenenciasIniciales,
} from './movimientos';
import type { ParqueaderoEntrada } from './tipos';

/**
 * Replays the movimientos over the draw's outcome and lists, in Spanish, every rule they break
 * (SORTEO.md): numbered 1..k without gaps; each group is a renuncia by the spot's holder, then an
 * omision for each candidate passed over in waiting-list order, then the promotion of the next
 * candidate or, when none is left, a vacante. Whether an omitted participant really was ineligible
 * at that instant is not in the result (residents' data of that day): the motivo is recorded, the
 * order is what is checked.
 */
export function verificarMovimientos(
  participantes: readonly ParticipanteEnLista[],
  parqueaderos: readonly ParqueaderoEntrada[],
  movimientos: readonly Movimiento[],
): string[] {
  const diferencias: string[] = [];
  const lista = [...movimientos].sort((a, b) => a.n - b.n);
  lista.forEach((m, i) => {
    if (m.n !== i + 1) diferencias.push(`movimiento ${m.n}: se esperaba el número ${i + 1}`);
  });
  if (diferencias.length > 0) return diferencias;
  const conocidos = new Set(participantes.map((p) => p.solicitudId));
  const spots = new Map(parqueaderos.map((s) => [s.codigo, s]));
  const t = tenenciasIniciales(participantes);
  let grupo: { spot: string; candidatos: ParticipanteEnLista[]; j: number } | null = null;
  const mal = (m: Movimiento, texto: string): void => {
    diferencias.push(`movimiento ${m.n} (${m.tipo}): ${texto}`);
  };
  for (const m of lista) {
    if (m.solicitudId !== null && !conocidos.has(m.solicitudId)) {
      mal(m, `la solicitud ${m.solicitudId} no participó en el sorteo`);
      return diferencias;
    }
    if (m.tipo === 'renuncia') {
      if (grupo)
        mal(m, `la renuncia anterior (parqueadero ${grupo.spot}) quedó sin promoción ni vacante`);
      const spot = spots.get(m.parqueadero);
      if (!spot) mal(m, `el parqueadero ${m.parqueadero} no es del sorteo`);
      if (!MOTIVOS_RENUNCIA.includes(m.motivo as never))
        mal(m, `motivo ${JSON.stringify(m.motivo)} no válido`);
      if (m.solicitudId === null || t.titular.get(m.parqueadero) !== m.solicitudId) {
        mal(m, `la solicitud ${m.solicitudId} no tenía el parqueadero ${m.parqueadero}`);
        return diferencias;
      }
      aplicarMovimiento(t, m);
      grupo = spot
        ? { spot: m.parqueadero, candidatos: candidatos(participantes, t, spot), j: 0 }
        : null;
      if (!grupo) return diferencias;
      continue;
    }
    if (!grupo || m.parqueadero !== grupo.spot) {
      mal(m, 'no sigue a una renuncia de ese parqueadero');
      return diferencias;
    }
    const esperado = grupo.candidatos[grupo.j];
    if (m.tipo === 'vacante') {
      if (esperado)
        mal(
          m,
          `quedaba en espera la solicitud ${esperado.solicitudId}, que debía ser promovida u omitida`,
        );
      grupo = null;
      aplicarMovimiento(t, m);
      continue;
    }
    if (!esperado || esperado.solicitudId !== m.solicitudId) {
      mal(
        m,
        `la solicitud ${m.solicitudId} no es la siguiente en la lista de espera` +
          (esperado ? ` (lo era ${esperado.solicitudId})` : ' (no quedaba nadie)'),
      );
      return diferencias;
    }
    if (m.tipo === 'omision' && !MOTIVOS_OMISION.includes(m.motivo as never))
      mal(m, `motivo ${JSON.stringify(m.motivo)} no válido`);
    aplicarMovimiento(t, m);
    grupo.j++;
    if (m.tipo === 'promocion') grupo = null;
  }
  if (grupo)
    diferencias.push(
      `la última renuncia (parqueadero ${grupo.spot}) quedó sin promoción ni vacante`,
    );
  return diferencias;
}
