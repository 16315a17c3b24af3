/**
 * Text as the acta prints it. The acta uses the PDF standard fonts (Helvetica, Courier): nothing is
 * embedded, so the bytes do not depend on a font file, and their WinAnsi encoding covers Spanish.
 * A character outside it would print as garbage, so it is replaced here, visibly.
 */

/** WinAnsiEncoding's characters in 0x80..0x9F (the rest is Latin-1). */
const WIN_ANSI_EXTRA = new Set(
  '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split('').map((c) => c.codePointAt(0) as number),
);

function imprimible(codigo: number): boolean {
  return (
    (codigo >= 0x20 && codigo <= 0x7e) ||
    (codigo >= 0xa0 && codigo <= 0xff) ||
    WIN_ANSI_EXTRA.has(codigo)
  );
}

/**
 * `s` in characters the standard fonts print: each other character by its base letter when it has
 * one (ő → o), otherwise `?`. Line breaks become spaces (each call prints one paragraph or cell).
 */
export function aWinAnsi(s: string): string {
  let salida = '';
  for (const c of s.normalize('NFC').replace(/\s+/g, ' ')) {
    const codigo = c.codePointAt(0) as number;
    if (imprimible(codigo)) {
      salida += c;
      continue;
    }
    const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    salida +=
      base.length > 0 && [...base].every((b) => imprimible(b.codePointAt(0) as number))
        ? base
        : '?';
  }
  return salida;
}

const MESES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** Colombia keeps UTC-5 all year (no daylight saving): a fixed offset, the same on any server. */
const COLOMBIA_MS = -5 * 3_600_000;

/** "15 de junio de 2026, 07:00 (hora de Colombia)". */
export function fechaColombia(d: Date): string {
  const c = new Date(d.getTime() + COLOMBIA_MS);
  const hh = String(c.getUTCHours()).padStart(2, '0');
  const mm = String(c.getUTCMinutes()).padStart(2, '0');
  return `${c.getUTCDate()} de ${MESES[c.getUTCMonth()]} de ${c.getUTCFullYear()}, ${hh}:${mm} (hora de Colombia)`;
}

/** The date as the API gives it, then as people read it. */
export function fechaCompleta(d: Date): string {
  return `${fechaColombia(d)}; ${d.toISOString()}`;
}

export const si = (b: boolean): string => (b ? 'sí' : 'no');
