import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  erroresDeDto,
  leerBooleanos,
  MAX_FILAS_IMPORTACION,
  PrimeraAparicion,
} from 'src/shared/csv/celdas';
import type { ErrorFila, FilaCsv, FormatoCsv } from 'src/shared/csv/leer-csv';
import { CodigoError } from 'src/shared/errors/error-codes';
import { CrearParqueaderoDto } from './dto/crear-parqueadero.dto';
import type { CambiosParqueadero, DatosParqueadero } from './parqueadero.entity';

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
  const primeras = new PrimeraAparicion();
  for (const f of filas) {
    const r = interpretar(f);
    if ('errores' in r) errores.push(...r.errores);
    else if (
      primeras.registrar(
        r.codigo,
        f.fila,
        (anterior) => ({
          campo: 'codigo',
          code: CodigoError.PARQUEADERO_DUPLICADO,
          message: `El código ${r.codigo} ya está en la fila ${anterior}.`,
        }),
        errores,
      )
    )
      validas.push(r);
  }
  return { validas, errores };
}

function interpretar(f: FilaCsv): FilaParqueadero | { errores: ErrorFila[] } {
  const plano: Record<string, unknown> = {
    codigo: f.valores.codigo,
    tipo: f.valores.tipo?.trim().toLowerCase(),
  };
  if ('zona' in f.valores) plano.zona = f.valores.zona;
  const malos = leerBooleanos(
    f.fila,
    f.valores,
    [
      ['discapacidad', false],
      ['activo', true],
    ],
    plano,
  );
  const dto = plainToInstance(CrearParqueaderoDto, plano);
  const errores = erroresDeDto(f.fila, validateSync(dto), malos);
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
