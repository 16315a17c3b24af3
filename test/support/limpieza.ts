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
  'reclamos',
];

/**
 * Empties every collection a draw scenario depends on, so each one starts from no history: the
 * draw's, and every `convocatoria*` one (headers, frozen chunks, secrets). Emptied, not dropped:
 * the unique indexes the app created at start-up must stay.
 */
export async function vaciarSorteos(conexion: Connection): Promise<void> {
  const convocatorias = (await conexion.db!.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => n.startsWith('convocatoria'));
  for (const c of [...COLECCIONES_DEL_SORTEO, ...convocatorias])
    await conexion.collection(c).deleteMany({});
}
