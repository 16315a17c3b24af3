/**
 * API.md, Conventions: text is stored in Unicode NFC, and control characters (U+0000–U+001F,
 * U+007F) are refused, except line breaks in the free-text fields. Applied by the validation pipe
 * to every string of every body and query, so no DTO field can forget it.
 */

/** Free-text fields, by name wherever they appear: they may hold line breaks. */
const MULTILINEA = new Set(['observaciones', 'motivo']);

/** Secrets are compared as sent: never normalised (a password set before must still match). */
const SECRETOS = new Set(['password', 'passwordActual', 'passwordNueva', 'token', 'refreshToken']);

/** Half of a UTF-16 pair without its other half: it cannot be stored as UTF-8 as sent. */
const SUSTITUTO_SUELTO = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Depth beyond which nobody's valid body goes; deeper input is left to the DTO's validators. */
const PROFUNDIDAD_MAXIMA = 8;

/**
 * Normalises every string inside `valor` to NFC in place and returns one Spanish message per
 * string that has a control character or is not well-formed Unicode (a lone surrogate), naming
 * its field (`documento.numero`, `parqueaderos.0.codigo`).
 */
export function limpiarTextos(valor: unknown): string[] {
  const errores: string[] = [];
  recorrer(valor, '', 0, errores);
  return errores;
}

function recorrer(valor: unknown, ruta: string, profundidad: number, errores: string[]): void {
  if (valor === null || typeof valor !== 'object' || profundidad > PROFUNDIDAD_MAXIMA) return;
  const contenedor = valor as Record<string, unknown>;
  for (const clave of Object.keys(contenedor)) {
    const hijo = contenedor[clave];
    const campo = ruta ? `${ruta}.${clave}` : clave;
    if (typeof hijo === 'string') {
      const nombre = Array.isArray(valor) ? ultimoNombre(ruta) : clave;
      const problema = problemaDe(hijo, nombre);
      if (problema) errores.push(`${campo} ${problema}`);
      else if (!SECRETOS.has(nombre)) contenedor[clave] = hijo.normalize('NFC');
    } else {
      recorrer(hijo, campo, profundidad + 1, errores);
    }
  }
}

/** In a list (`q=a&q=b`, `ids: [...]`) the rule is the list's field's. */
const ultimoNombre = (ruta: string): string => ruta.slice(ruta.lastIndexOf('.') + 1);

function problemaDe(texto: string, nombre: string): string | null {
  if (SUSTITUTO_SUELTO.test(texto))
    return 'no es texto Unicode válido (tiene un sustituto suelto).';
  const saltosPermitidos = MULTILINEA.has(nombre);
  if (!tieneControl(texto, saltosPermitidos)) return null;
  return saltosPermitidos
    ? 'no puede contener caracteres de control (solo se admiten saltos de línea).'
    : 'no puede contener caracteres de control (tabuladores, saltos de línea, U+0000 a U+001F, U+007F).';
}

/** U+0000–U+001F and U+007F; `\n` and `\r` pass where line breaks are allowed. */
function tieneControl(texto: string, saltosPermitidos: boolean): boolean {
  for (let i = 0; i < texto.length; i++) {
    const c = texto.charCodeAt(i);
    if (c > 0x1f && c !== 0x7f) continue;
    if (saltosPermitidos && (c === 0x0a || c === 0x0d)) continue;
    return true;
  }
  return false;
}
