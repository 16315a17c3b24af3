import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ErrorFila, FilaCsv, FormatoCsv } from 'src/shared/csv/leer-csv';
import { CodigoError } from 'src/shared/errors/error-codes';
import { CrearParqueaderoDto } from './dto/crear-parqueadero.dto';
import type { CambiosParqueadero, DatosParqueadero } from './parqueadero.entity';

export const MAX_FILAS_IMPORTACION = 5_000;

export const FORMATO_CSV_PARQUEADEROS: FormatoCsv = {
  campos: ['codigo', 'tipo', 'discapacidad', 'zona', 'activo'],
  obligatorios: ['codigo', 'tipo'],
  maxFilas: MAX_FILAS_IMPORTACION,
};

/**
 * One valid row. `cambios` holds the columns the file has (tipo always): an existing spot gets
 * those and keeps the rest; a new one takes the defaults for the rest (`nuevo`).
 */
export interface FilaParqueadero {
  fila: number;
  codigo: string;
  cambios: CambiosParqueadero & Pick<DatosParqueadero, 'tipo'>;
  nuevo: DatosParqueadero;
}

const VERDADERO = new Set(['true', 'si', 'sí', '1']);
const FALSO = new Set(['false', 'no', '0']);

/** A spreadsheet's yes/no; blank is the field's default. */
function booleano(texto: string, porDefecto: boolean): boolean | null {
  const t = texto.trim().toLowerCase();
  if (t === '') return porDefecto;
  if (VERDADERO.has(t)) return true;
  if (FALSO.has(t)) return false;
  return null;
}

/**
 * Each row checked by the same DTO as POST /parqueaderos, so a spot the file creates is one the
 * API would have created; a codigo repeated in the file is an error on every later row.
 */
export function interpretarFilas(filas: readonly FilaCsv[]): {
  validas: FilaParqueadero[];
  errores: ErrorFila[];
} {
  const validas: FilaParqueadero[] = [];
  const errores: ErrorFila[] = [];
  const primeraFila = new Map<string, number>();
  for (const f of filas) {
    const r = interpretar(f);
    if ('errores' in r) {
      errores.push(...r.errores);
      continue;
    }
    const anterior = primeraFila.get(r.codigo);
    if (anterior !== undefined) {
      errores.push({
        fila: f.fila,
        campo: 'codigo',
        code: CodigoError.PARQUEADERO_DUPLICADO,
        message: `El código ${r.codigo} ya está en la fila ${anterior}.`,
      });
      continue;
    }
    primeraFila.set(r.codigo, f.fila);
    validas.push(r);
  }
  return { validas, errores };
}

function interpretar(f: FilaCsv): FilaParqueadero | { errores: ErrorFila[] } {
  const errores: ErrorFila[] = [];
  const plano: Record<string, unknown> = {
    codigo: f.valores.codigo,
    tipo: f.valores.tipo?.trim().toLowerCase(),
  };
  if ('zona' in f.valores) plano.zona = f.valores.zona;
  for (const [campo, porDefecto] of [
    ['discapacidad', false],
    ['activo', true],
  ] as const) {
    if (!(campo in f.valores)) continue;
    const valor = booleano(f.valores[campo], porDefecto);
    if (valor === null) {
      errores.push({
        fila: f.fila,
        campo,
        code: CodigoError.VALIDACION,
        message: `${campo} debe ser true o false (o sí/no, 1/0; vacío: ${String(porDefecto)}).`,
      });
    } else plano[campo] = valor;
  }
  const dto = plainToInstance(CrearParqueaderoDto, plano);
  for (const e of validateSync(dto)) {
    const campo = e.property;
    const message = Object.values(e.constraints ?? {})[0] ?? `${campo} no es válido.`;
    // One message per field: a bad boolean already has its own.
    if (!errores.some((x) => x.campo === campo))
      errores.push({ fila: f.fila, campo, code: CodigoError.VALIDACION, message });
  }
  if (errores.length > 0) return { errores };
  const cambios: FilaParqueadero['cambios'] = { tipo: dto.tipo };
  if (dto.discapacidad !== undefined) cambios.discapacidad = dto.discapacidad;
  if (dto.zona !== undefined) cambios.zona = dto.zona ?? null;
  if (dto.activo !== undefined) cambios.activo = dto.activo;
  return {
    fila: f.fila,
    codigo: dto.codigo,
    cambios,
    nuevo: {
      codigo: dto.codigo,
      tipo: dto.tipo,
      discapacidad: dto.discapacidad ?? false,
      zona: dto.zona ?? null,
      activo: dto.activo ?? true,
    },
  };
}
