import { parse } from 'csv-parse/sync';
import { ValidacionError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { limpiarTextos } from 'src/shared/validation/textos';

/** One problem of one row of an import, as API.md's `errores` lists it. */
export interface ErrorFila {
  /** The line of the file where the row starts; the header is line 1. */
  fila: number;
  campo: string;
  code: CodigoError;
  message: string;
}

/** A data row: its starting line and the cells of the header's columns, as written. */
export interface FilaCsv {
  fila: number;
  valores: Record<string, string>;
}

export interface TablaCsv {
  /** The header's field names, in the file's order (canonical spelling of `campos`). */
  columnas: string[];
  filas: FilaCsv[];
  /** Row-level problems (wrong number of cells, control characters): the rows stay out. */
  errores: ErrorFila[];
}

export interface FormatoCsv {
  /** Every field name the header may have; matched ignoring case and surrounding blanks. */
  campos: readonly string[];
  obligatorios: readonly string[];
  maxFilas: number;
}

const BOM = '\uFEFF';
const SALTO = /\r\n|\r|\n/g;

/**
 * The generic part of a CSV import (API.md, `POST /residentes/importar` and
 * `POST /parqueaderos/importar`): UTF-8 with or without BOM, `,` or `;` as the header uses, a
 * header row of field names, each row with the line it starts on. Text is NFC like every text
 * the API stores. A file that cannot be read as such (no header, an unknown or missing column,
 * broken quoting, too many rows) is a 400 VALIDACION; a bad row is an `ErrorFila`.
 */
export function leerCsv(texto: string, formato: FormatoCsv): TablaCsv {
  const normalizado = (texto.startsWith(BOM) ? texto.slice(1) : texto).normalize('NFC');
  const registros = analizar(normalizado, delimitadorDe(normalizado));
  const cabecera = registros.shift();
  if (!cabecera || cabecera.valores.every((v) => v.trim() === ''))
    throw new ValidacionError('El archivo está vacío: falta la fila de cabecera con los campos.');
  const columnas = columnasDe(cabecera.valores, formato);
  const datos = registros.filter((r) => r.valores.some((v) => v.trim() !== ''));
  if (datos.length > formato.maxFilas) {
    throw new ValidacionError(
      `El archivo tiene ${datos.length} filas; se admiten como máximo ${formato.maxFilas}.`,
    );
  }
  const filas: FilaCsv[] = [];
  const errores: ErrorFila[] = [];
  for (const r of datos) {
    if (r.valores.length !== columnas.length) {
      errores.push({
        fila: r.fila,
        campo: '',
        code: CodigoError.VALIDACION,
        message: `La fila tiene ${r.valores.length} campos y la cabecera ${columnas.length}.`,
      });
      continue;
    }
    const valores = Object.fromEntries(columnas.map((c, i) => [c, r.valores[i]]));
    const problemas = Object.entries(valores).flatMap(([campo, valor]) =>
      limpiarTextos({ [campo]: valor }).map((message) => ({
        fila: r.fila,
        campo,
        code: CodigoError.VALIDACION,
        message,
      })),
    );
    if (problemas.length > 0) errores.push(...problemas);
    else filas.push({ fila: r.fila, valores });
  }
  return { columnas, filas, errores };
}

/** `;` when the header line has more of them than commas (a spreadsheet in a Spanish locale). */
export function delimitadorDe(texto: string): ',' | ';' {
  const fin = texto.search(/[\r\n]/);
  const primera = fin === -1 ? texto : texto.slice(0, fin);
  const cuenta = (c: string): number => primera.split(c).length - 1;
  return cuenta(';') > cuenta(',') ? ';' : ',';
}

interface Registro {
  fila: number;
  valores: string[];
}

function analizar(texto: string, delimiter: ',' | ';'): Registro[] {
  let salida: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    // With `info` and `raw` each record comes wrapped; the typings only know the bare arrays.
    salida = parse(texto, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as typeof salida;
  } catch (err) {
    const linea = (err as { lines?: unknown }).lines;
    throw new ValidacionError(
      typeof linea === 'number'
        ? `El archivo no es un CSV válido cerca de la línea ${linea} (revise las comillas).`
        : 'El archivo no es un CSV válido (revise las comillas).',
    );
  }
  // `info.lines` is the line a record ends on; a quoted cell may span several.
  return salida.map(({ record, raw, info }) => {
    const propio = raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\r|\n)$/, '');
    const saltos = propio.match(SALTO)?.length ?? 0;
    return { fila: info.lines - saltos, valores: record };
  });
}

function columnasDe(nombres: string[], formato: FormatoCsv): string[] {
  const porNombre = new Map(formato.campos.map((c) => [c.toLowerCase(), c]));
  const columnas: string[] = [];
  for (const nombre of nombres) {
    const campo = porNombre.get(nombre.trim().toLowerCase());
    if (!campo) {
      throw new ValidacionError(
        `La cabecera tiene un campo desconocido: "${nombre.trim()}". Campos admitidos: ${formato.campos.join(', ')}.`,
      );
    }
    if (columnas.includes(campo))
      throw new ValidacionError(`La cabecera repite el campo ${campo}.`);
    columnas.push(campo);
  }
  const faltan = formato.obligatorios.filter((c) => !columnas.includes(c));
  if (faltan.length > 0)
    throw new ValidacionError(`A la cabecera le faltan los campos: ${faltan.join(', ')}.`);
  return columnas;
}
