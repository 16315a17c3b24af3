import type { Connection } from 'mongoose';

/** What a draw and the solicitudes it touches leave behind. */
const COLECCIONES_DEL_SORTEO = [
  'solicitudes',
  'solicitudes_transiciones',
  'solicitudes_lotes',
  'sorteos',
  'sorteo_bloques',
  'sorteo_turnos',
  'sorteo_decisiones',
  'sorteo_latidos',
  'sorteo_movimientos',
  'reclamos',
  'convocatorias',
  'convocatoria_bloques',
  'convocatoria_secretos',
  'convocatoria_cierres',
];

/** Empties every collection a draw scenario depends on, so each one starts from no history. */
export async function vaciarSorteos(conexion: Connection): Promise<void> {
  for (const c of COLECCIONES_DEL_SORTEO) await conexion.collection(c).deleteMany({});
}
