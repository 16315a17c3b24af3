import type { ErrorFila } from 'src/shared/csv/leer-csv';
import { CodigoError } from 'src/shared/errors/error-codes';
import type { FilaParqueadero } from './filas-csv';
import type { CambiosParqueadero, ParqueaderoEntidad } from './parqueadero.entity';
import { reservaValida, soloDistintos } from './reglas-parqueadero';

export interface Actualizacion {
  fila: number;
  actual: ParqueaderoEntidad;
  cambios: CambiosParqueadero;
}

export interface PlanImportacion {
  crear: FilaParqueadero[];
  actualizar: Actualizacion[];
  sinCambios: number;
  errores: ErrorFila[];
}

/**
 * What a file does to the inventory as it is now, matched by codigo: new spots, changed ones and
 * the rest. A row that would leave a reserved spot as a moto one (the file has no discapacidad
 * column) is an error too, found before anything is written.
 */
export function planificar(
  filas: readonly FilaParqueadero[],
  existentes: ReadonlyMap<string, ParqueaderoEntidad>,
): PlanImportacion {
  const plan: PlanImportacion = { crear: [], actualizar: [], sinCambios: 0, errores: [] };
  for (const f of filas) {
    const actual = existentes.get(f.codigo);
    if (!actual) {
      plan.crear.push(f);
      continue;
    }
    const cambios = soloDistintos(actual, f.cambios);
    if (!reservaValida({ ...actual, ...cambios })) {
      plan.errores.push({
        fila: f.fila,
        campo: 'tipo',
        code: CodigoError.VALIDACION,
        message: `El parqueadero ${f.codigo} está reservado para discapacidad: para volverlo de moto incluya la columna discapacidad con false.`,
      });
    } else if (Object.keys(cambios).length === 0) plan.sinCambios++;
    else plan.actualizar.push({ fila: f.fila, actual, cambios });
  }
  return plan;
}
