/** E11000: the only signal we trust to decide "someone else won" (an insert on a unique index). */
export function esClaveDuplicada(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as {
    code?: unknown;
    writeErrors?: Array<{ code?: unknown; err?: { code?: unknown } }>;
  };
  if (e.code === 11000) return true;
  return (
    Array.isArray(e.writeErrors) &&
    e.writeErrors.some((w) => w.code === 11000 || w.err?.code === 11000)
  );
}

/**
 * The positions that lost an unordered insertMany to a unique index, or null when the error is
 * anything else (a network fault, another write error): the caller must rethrow that one.
 */
export function indicesDuplicados(err: unknown): number[] | null {
  if (!esClaveDuplicada(err)) return null;
  const errores = (
    err as { writeErrors?: Array<{ index?: number; code?: number; err?: { index?: number } }> }
  ).writeErrors;
  const lista = Array.isArray(errores) ? errores : [];
  if (lista.some((w) => w.code !== undefined && w.code !== 11000)) return null;
  return lista.map((w) => w.index ?? w.err?.index ?? -1);
}

/** For re-runs that insert what may already be there: duplicates are fine, anything else is not. */
export function ignorarDuplicados(err: unknown): void {
  if (indicesDuplicados(err) === null) throw err;
}
