import type { ValidationError } from 'class-validator';
import { CodigoError } from 'src/shared/errors/error-codes';
import type { ErrorFila } from './leer-csv';

/** API.md: every import takes up to 5,000 rows. */
export const MAX_FILAS_IMPORTACION = 5_000;

/** What an import did (or, with modo=validar, would do); with any row error, all counts are 0. */
export interface ResultadoImportacion {
  creados: number;
  actualizados: number;
  sinCambios: number;
  errores: ErrorFila[];
}

/** The answer for a file with row errors: nothing was written. Errors by line, then field. */
export function soloErrores(errores: ErrorFila[]): ResultadoImportacion {
  const ordenados = [...errores].sort((a, b) => a.fila - b.fila || a.campo.localeCompare(b.campo));
  return { creados: 0, actualizados: 0, sinCambios: 0, errores: ordenados };
}

const VERDADERO = new Set(['true', 'si', 'sí', '1']);
const FALSO = new Set(['false', 'no', '0']);

/** A spreadsheet's yes/no; blank is the field's default; null when it is neither. */
export function booleano(texto: string, porDefecto: boolean): boolean | null {
  const t = texto.trim().toLowerCase();
  if (t === '') return porDefecto;
  if (VERDADERO.has(t)) return true;
  if (FALSO.has(t)) return false;
  return null;
}

/**
 * Reads the boolean columns of a row into `plano`, with an error for each cell that is not one.
 * The DTO then validates them like any JSON boolean.
 */
export function leerBooleanos(
  fila: number,
  valores: Readonly<Record<string, string>>,
  campos: ReadonlyArray<readonly [campo: string, porDefecto: boolean]>,
  plano: Record<string, unknown>,
): ErrorFila[] {
  const errores: ErrorFila[] = [];
  for (const [campo, porDefecto] of campos) {
    if (!(campo in valores)) continue;
    const valor = booleano(valores[campo], porDefecto);
    if (valor === null) {
      errores.push({
        fila,
        campo,
        code: CodigoError.VALIDACION,
        message: `${campo} debe ser true o false (o sí/no, 1/0; vacío: ${String(porDefecto)}).`,
      });
    } else plano[campo] = valor;
  }
  return errores;
}

/**
 * class-validator's errors of one row as `ErrorFila`s, one per column: a nested property
 * (`documento.tipo`) is named by `columna` (the CSV's `documento_tipo`). A column that already has
 * an error (a bad boolean) keeps that one.
 */
export function erroresDeDto(
  fila: number,
  errores: readonly ValidationError[],
  previos: readonly ErrorFila[] = [],
  columna: (ruta: string[]) => string = (ruta) => ruta.join('_'),
): ErrorFila[] {
  const salida = [...previos];
  const visitar = (e: ValidationError, ruta: string[]): void => {
    const camino = [...ruta, e.property];
    const message = Object.values(e.constraints ?? {})[0];
    const campo = columna(camino);
    if (message !== undefined && !salida.some((x) => x.campo === campo))
      salida.push({ fila, campo, code: CodigoError.VALIDACION, message });
    for (const hijo of e.children ?? []) visitar(hijo, camino);
  };
  for (const e of errores) visitar(e, []);
  return salida;
}

/**
 * A key (codigo, documento, email) a file repeats: an error on every later row naming the first.
 * Returns false for such a repeat, so the caller leaves the row out.
 */
export class PrimeraAparicion {
  private readonly vistas = new Map<string, number>();

  registrar(
    clave: string,
    fila: number,
    error: (anterior: number) => Omit<ErrorFila, 'fila'>,
    errores: ErrorFila[],
  ): boolean {
    const anterior = this.vistas.get(clave);
    if (anterior !== undefined) {
      errores.push({ fila, ...error(anterior) });
      return false;
    }
    this.vistas.set(clave, fila);
    return true;
  }
}
