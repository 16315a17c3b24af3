export interface PoliticaReintentos {
  /** Wait after the first failure. */
  baseMs: number;
  /** The longest wait between two tries. */
  maxMs: number;
}

/** The wait after the `intento`-th failed try (1, 2, …): base, 2·base, 4·base … capped at max. */
export function esperaTrasFallo(intento: number, p: PoliticaReintentos): number {
  if (!Number.isInteger(intento) || intento < 1)
    throw new RangeError(`intento inválido: ${intento}`);
  // 2^40 already passes any sane cap; avoids Infinity for a message retried forever.
  const factor = 2 ** Math.min(intento - 1, 40);
  return Math.min(p.baseMs * factor, p.maxMs);
}

/**
 * After a failed try: `fallida` once the window has closed, else `pendiente` again after the
 * back-off. A message is therefore tried for at least the whole window.
 */
export function despuesDeFallo(
  intento: number,
  ahora: Date,
  venceEn: Date,
  p: PoliticaReintentos,
): { estado: 'pendiente' | 'fallida'; proximoIntento: Date } {
  if (ahora.getTime() >= venceEn.getTime()) return { estado: 'fallida', proximoIntento: ahora };
  return {
    estado: 'pendiente',
    proximoIntento: new Date(ahora.getTime() + esperaTrasFallo(intento, p)),
  };
}
