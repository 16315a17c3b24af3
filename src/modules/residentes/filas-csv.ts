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
import { CrearResidenteDto } from './dto/crear-residente.dto';
import { claveDocumento } from './residente-claves';
import type { CambiosResidente } from './residente.entity';

/** Optional text columns: a blank cell means "no value" (null), as a PATCH with null. */
const OPCIONALES = ['email', 'telefono', 'fechaIngreso', 'fechaNacimiento'] as const;

/**
 * The fields of `Residente` an administration keeps in its spreadsheet; the documento as two
 * columns. Not `activo` (a baja cancels solicitudes and closes the account: DELETE does it), nor
 * `cuenta`, `registro`, ids or timestamps, which the API keeps.
 */
export const FORMATO_CSV_RESIDENTES: FormatoCsv = {
  campos: [
    'nombre',
    'documento_tipo',
    'documento_numero',
    ...OPCIONALES,
    'torre',
    'apartamento',
    'tipo',
    'discapacidad',
    'alDia',
  ],
  obligatorios: ['nombre', 'documento_tipo', 'documento_numero', 'torre', 'apartamento', 'tipo'],
  maxFilas: MAX_FILAS_IMPORTACION,
};

/**
 * One valid row: the creation DTO it amounts to (a new resident is what POST /residentes would
 * create from it) and `cambios`, the columns the file has, for a resident that exists: those are
 * set (a blank optional cell as null) and the rest kept.
 */
export interface FilaResidente {
  fila: number;
  /** The documento's claim key, by which rows match residents. */
  clave: string;
  dto: CrearResidenteDto;
  cambios: CambiosResidente;
}

/** `documento.numero` of the DTO is the CSV's `documento_numero`. */
const columna = (ruta: string[]): string => ruta.join('_');

/**
 * Each row checked by the same DTO as POST /residentes; a documento or an email repeated in the
 * file is an error on every later row.
 */
export function interpretarFilas(filas: readonly FilaCsv[]): {
  validas: FilaResidente[];
  errores: ErrorFila[];
} {
  const validas: FilaResidente[] = [];
  const errores: ErrorFila[] = [];
  const documentos = new PrimeraAparicion();
  const emails = new PrimeraAparicion();
  for (const f of filas) {
    const r = interpretar(f);
    if ('errores' in r) {
      errores.push(...r.errores);
      continue;
    }
    const { tipo, numero } = r.dto.documento;
    const unico =
      documentos.registrar(
        r.clave,
        f.fila,
        (anterior) => ({
          campo: 'documento_numero',
          code: CodigoError.RESIDENTE_DUPLICADO,
          message: `El documento ${tipo} ${numero} ya está en la fila ${anterior}.`,
        }),
        errores,
      ) &&
      (!r.dto.email ||
        emails.registrar(
          r.dto.email,
          f.fila,
          (anterior) => ({
            campo: 'email',
            code: CodigoError.RESIDENTE_DUPLICADO,
            message: `El correo ${r.dto.email} ya está en la fila ${anterior}.`,
          }),
          errores,
        ));
    if (unico) validas.push(r);
  }
  return { validas, errores };
}

function interpretar(f: FilaCsv): FilaResidente | { errores: ErrorFila[] } {
  const v = f.valores;
  const plano: Record<string, unknown> = {
    nombre: v.nombre,
    documento: { tipo: v.documento_tipo?.trim().toUpperCase(), numero: v.documento_numero },
    torre: v.torre,
    apartamento: v.apartamento,
    tipo: v.tipo?.trim().toLowerCase(),
  };
  const vacios: string[] = [];
  for (const campo of OPCIONALES) {
    if (!(campo in v)) continue;
    const texto = v[campo].trim();
    if (texto === '') vacios.push(campo);
    else plano[campo] = texto;
  }
  const malos = leerBooleanos(
    f.fila,
    v,
    [
      ['discapacidad', false],
      ['alDia', true],
    ],
    plano,
  );
  const dto = plainToInstance(CrearResidenteDto, plano);
  const errores = erroresDeDto(f.fila, validateSync(dto), malos, columna);
  if (errores.length > 0) return { errores };
  // Only the DTO's validated fields, by the names of CambiosResidente.
  const cambios: Record<string, unknown> = {
    nombre: dto.nombre,
    documento: { tipo: dto.documento.tipo, numero: dto.documento.numero },
    torre: dto.torre,
    apartamento: dto.apartamento,
    tipo: dto.tipo,
  };
  for (const campo of [...OPCIONALES, 'discapacidad', 'alDia'] as const)
    if (campo in v) cambios[campo] = vacios.includes(campo) ? null : dto[campo];
  return {
    fila: f.fila,
    clave: claveDocumento(dto.documento.tipo, dto.documento.numero),
    dto,
    cambios,
  };
}
