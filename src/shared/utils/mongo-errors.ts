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
