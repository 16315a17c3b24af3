/** A filter on `_id` only, for any collection (driver or Mongoose). */
export type FiltroIds = Record<string, unknown>;

/*
 * FerretDB v1 evaluates `$in` by walking its whole list for every document it scans (and it
 * scans the whole collection for any filter other than one `_id`), so one `$in` of k ids over a
 * collection of C documents costs C × k comparisons. Sorted ids cut into runs, each behind its
 * own range test, cost a few range tests for a document outside every run and one `$in` of a run
 * for a document inside one. The `$in` keeps the match exact: a document that merely falls inside
 * a range (another solicitud) is never touched. Why runs of ~2,000, with the measurements:
 * docs/ferretdb.md ("Deletes of many ids").
 */

export const IDS_POR_TRAMO = 2048;

/**
 * Up to this many ids make one run: the project's FerretDB build reads a single `_id` `$in` of
 * strings or ObjectIds through the `_id` index, as MongoDB does, whatever else the filter holds
 * (docs/ferretdb.md, "The `_id` patch"); an `$or` of runs is still a scan.
 */
export const IDS_POR_INDICE = 10_000;

/**
 * The servers' order: strings compare by their UTF-8 bytes (JavaScript's `<` compares UTF-16
 * units, which disagrees above U+FFFF), and an ObjectId's hex form sorts like its bytes. Ids of
 * one list must share one type: a range never spans two BSON types.
 */
export function compararIds(a: unknown, b: unknown): number {
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
}

/** Each id is encoded once, not once per comparison: batches hold tens of thousands. */
export function ordenarIds<T>(ids: readonly T[]): T[] {
  return ids
    .map((id) => ({ id, bytes: Buffer.from(String(id)) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map(({ id }) => id);
}

/** Matches exactly `ids`, cheaply on FerretDB (see above); `ids` must be sorted (ordenarIds). */
export function filtroPorTramos<T>(
  ids: readonly T[],
  tam = IDS_POR_TRAMO,
  maxUnTramo = IDS_POR_INDICE,
): FiltroIds {
  const porTramo = ids.length <= maxUnTramo ? Math.max(ids.length, 1) : tam;
  const tramos: FiltroIds[] = [];
  for (let i = 0; i < ids.length; i += porTramo) {
    const tramo = ids.slice(i, i + porTramo);
    tramos.push({ _id: { $gte: tramo[0], $lte: tramo[tramo.length - 1], $in: tramo } });
  }
  if (tramos.length === 0) return { _id: { $in: [] } };
  return tramos.length === 1 ? tramos[0] : { $or: tramos };
}

/**
 * The first id of each tanda (batch) of `tam` consecutive sorted ids: a document goes to the last
 * tanda whose first id is not greater than its own (indiceDeTanda).
 */
export function iniciosDeTandas(idsOrdenados: readonly string[], tam: number): string[] {
  const inicios: string[] = [];
  for (let i = 0; i < idsOrdenados.length; i += tam) inicios.push(idsOrdenados[i]);
  return inicios;
}

export function indiceDeTanda(inicios: readonly string[], id: string): number {
  let lo = 0;
  let hi = inicios.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (compararIds(inicios[mid], id) <= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
