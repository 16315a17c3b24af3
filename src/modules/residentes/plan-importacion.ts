import type { ErrorFila } from 'src/shared/csv/leer-csv';
import { CodigoError } from 'src/shared/errors/error-codes';
import { soloDistintos } from './decision-cambios';
import type { FilaResidente } from './filas-csv';
import type { CambiosResidente, ResidenteEntidad } from './residente.entity';

export interface Actualizacion {
  fila: number;
  actual: ResidenteEntidad;
  cambios: CambiosResidente;
}

/** What the import reads once, before deciding anything. */
export interface Existentes {
  /** Every resident, by documento claim key (`claveDocumento`). */
  porDocumento: ReadonlyMap<string, ResidenteEntidad>;
  /** Every email in use: by a resident or an account (the resident's id; null for staff). */
  duenosEmail: ReadonlyMap<string, string | null>;
  /** Residents that have a login account. */
  conCuenta: ReadonlySet<string>;
}

export interface PlanImportacion {
  crear: FilaResidente[];
  actualizar: Actualizacion[];
  sinCambios: number;
  /**
   * Residents of the file with an email whose account is missing: an earlier import stopped
   * between writing them and their accounts. Re-sending the file creates those accounts.
   */
  sinCuenta: Array<{ residenteId: string; email: string }>;
  errores: ErrorFila[];
}

const emailTomado = (f: FilaResidente): ErrorFila => ({
  fila: f.fila,
  campo: 'email',
  code: CodigoError.RESIDENTE_DUPLICADO,
  message: `El correo ${f.dto.email} ya lo usa otro residente o una cuenta del personal.`,
});

/**
 * What a file does to the residents as they are now, matched by documento: the rules of
 * POST/PATCH /residentes that need the stored data (email unique among residents and accounts;
 * an email can be changed, not removed) are checked here, before anything is written.
 */
export function planificar(filas: readonly FilaResidente[], e: Existentes): PlanImportacion {
  const plan: PlanImportacion = {
    crear: [],
    actualizar: [],
    sinCambios: 0,
    sinCuenta: [],
    errores: [],
  };
  for (const f of filas) {
    const actual = e.porDocumento.get(f.clave);
    const email = f.dto.email;
    if (email !== undefined) {
      const dueno = e.duenosEmail.get(email);
      if (dueno !== undefined && dueno !== actual?.id) {
        plan.errores.push(emailTomado(f));
        continue;
      }
    }
    if (!actual) {
      plan.crear.push(f);
      continue;
    }
    if (f.cambios.email === null && actual.email !== null) {
      plan.errores.push({
        fila: f.fila,
        campo: 'email',
        code: CodigoError.VALIDACION,
        message: `El residente ya tiene el correo ${actual.email}: se puede cambiar, no quitar.`,
      });
      continue;
    }
    const cambios = soloDistintos(actual, f.cambios);
    if (Object.keys(cambios).length > 0) {
      plan.actualizar.push({ fila: f.fila, actual, cambios });
      continue;
    }
    plan.sinCambios++;
    if (
      actual.email &&
      actual.activo &&
      actual.cuenta === 'pendiente_activacion' &&
      !e.conCuenta.has(actual.id)
    )
      plan.sinCuenta.push({ residenteId: actual.id, email: actual.email });
  }
  return plan;
}
