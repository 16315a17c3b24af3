import { mongo } from 'mongoose';
import { filtroPorTramos, ordenarIds } from './filtro-por-tramos';

type Document = mongo.Document;
type Filter<T> = mongo.Filter<T>;
type Collection<T extends Document> = mongo.Collection<T>;

/**
 * FerretDB v1 on SQLite deletes the matched ids with one SQL `IN (...)`, and SQLite refuses more
 * than 32,766 variables ("too many SQL variables"). Big deletes therefore go by id batches under
 * that limit, as large as it allows: each batch is one scan of the collection (kept cheap by
 * filtroPorTramos), so fewer batches mean fewer scans.
 */
export const MAX_IDS_POR_BORRADO = 30_000;

/** `opciones`: driver options for each command, such as a bulk job's own `timeoutMS`. */
export async function borrarEnTandas(
  coleccion: Collection<Document>,
  filtro: Filter<Document>,
  opciones: { timeoutMS?: number } = {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = (
      await coleccion
        .find(filtro, { ...opciones, projection: { _id: 1 } })
        .limit(MAX_IDS_POR_BORRADO)
        .toArray()
    ).map((d) => d._id as unknown);
    if (ids.length === 0) return total;
    const r = await coleccion.deleteMany(filtroPorTramos(ordenarIds(ids)), opciones);
    total += r.deletedCount;
    if (ids.length < MAX_IDS_POR_BORRADO) return total;
  }
}

/** Splits a list so that no single `$in` delete can exceed the limit above. */
export function enTrozos<T>(lista: T[], tam = MAX_IDS_POR_BORRADO): T[][] {
  const trozos: T[][] = [];
  for (let i = 0; i < lista.length; i += tam) trozos.push(lista.slice(i, i + tam));
  return trozos;
}
