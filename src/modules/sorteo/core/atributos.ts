/**
 * Priority attributes evaluated at the draw instant `t` (SORTEO.md "Inputs"). Only the UTC calendar
 * date of `t` counts, so the same draw gives the same attributes on any server's time zone.
 */

interface FechaCalendario {
  readonly anio: number;
  readonly mes: number;
  readonly dia: number;
}

const FORMATO_FECHA = /^(\d{4})-(\d{2})-(\d{2})$/;

function leerFecha(texto: string): FechaCalendario {
  const partes = FORMATO_FECHA.exec(texto);
  if (!partes) throw new Error(`Fecha inválida "${texto}": se espera AAAA-MM-DD`);
  const [anio, mes, dia] = [Number(partes[1]), Number(partes[2]), Number(partes[3])];
  // Date.UTC rolls 2023-02-29 over to March 1st; a round trip exposes dates that do not exist.
  const comprobada = new Date(Date.UTC(anio, mes - 1, dia));
  if (comprobada.getUTCMonth() !== mes - 1 || comprobada.getUTCDate() !== dia) {
    throw new Error(`Fecha inválida "${texto}": ese día no existe`);
  }
  return { anio, mes, dia };
}

function fechaUtc(t: Date): FechaCalendario {
  if (Number.isNaN(t.getTime())) throw new Error('Instante del sorteo inválido');
  return { anio: t.getUTCFullYear(), mes: t.getUTCMonth() + 1, dia: t.getUTCDate() };
}

/**
 * Whole years from `desde` to the UTC date of `t`: a year counts once its (month, day) is reached.
 * So someone born on February 29th turns a year older on March 1st in common years. Jurisdictions
 * differ (Hong Kong's law says March 1st, others February 28th); we take the later day
 * because on February 28th the anniversary has not yet arrived, so granting priority then would be
 * a day early, and because a plain (month, day) comparison is what a resident's own script writes.
 */
function aniosCumplidos(desde: FechaCalendario, hasta: FechaCalendario): number {
  const antesDelAniversario =
    hasta.mes < desde.mes || (hasta.mes === desde.mes && hasta.dia < desde.dia);
  return hasta.anio - desde.anio - (antesDelAniversario ? 1 : 0);
}

/** Age in whole years at `t`; negative for a birth date after `t`. */
export function edadEnAnios(fechaNacimiento: string, t: Date): number {
  return aniosCumplidos(leerFecha(fechaNacimiento), fechaUtc(t));
}

export function esAdultoMayor(
  fechaNacimiento: string | null | undefined,
  t: Date,
  edadAdultoMayor: number,
): boolean {
  return fechaNacimiento != null && edadEnAnios(fechaNacimiento, t) >= edadAdultoMayor;
}

/** Whole years of residence at `t`; 0 when unknown or in the future (SORTEO.md). */
export function calcularAniosResidencia(fechaIngreso: string | null | undefined, t: Date): number {
  if (fechaIngreso == null) return 0;
  return Math.max(0, aniosCumplidos(leerFecha(fechaIngreso), fechaUtc(t)));
}
