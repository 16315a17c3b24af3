/** `ponderado`: ES-SHA256-v1 (weights); `niveles`: NIVELES-SHA256-v1 (strict tiers). SORTEO.md. */
export type ModoSorteo = 'ponderado' | 'niveles';

export interface PesosPrioridad {
  readonly discapacidad: number;
  readonly adultoMayor: number;
  readonly sinAsignacionPrevia: number;
  readonly antiguedadPorAnio: number;
  readonly antiguedadMaxAnios: number;
}

/** Integer scores of the strict tiers: a participant's score is the sum of those that apply. */
export interface NivelesPrioridad {
  readonly discapacidad: number;
  readonly adultoMayor: number;
  readonly sinAsignacionPrevia: number;
}

/** The complex's priority rules: read by the draw, and by approvals (`requiereAlDia`). */
export interface ConfigPrioridad {
  readonly modo: ModoSorteo;
  readonly pesos: PesosPrioridad;
  readonly niveles: NivelesPrioridad;
  readonly edadAdultoMayor: number;
  readonly requiereAlDia: boolean;
}

/**
 * A config as older versions stored it (draws, the saved config): without `modo` and `niveles`,
 * which then take their defaults, as API.md says of a PUT that leaves them out.
 */
export type ConfigPrioridadGuardada = Omit<ConfigPrioridad, 'modo' | 'niveles'> &
  Partial<Pick<ConfigPrioridad, 'modo' | 'niveles'>>;

const NIVELES_POR_DEFECTO: NivelesPrioridad = Object.freeze({
  discapacidad: 1000,
  adultoMayor: 500,
  sinAsignacionPrevia: 100,
});

/** API.md's defaults; frozen because every draw and every new config starts from this one object. */
export const CONFIG_PRIORIDAD_POR_DEFECTO: ConfigPrioridad = Object.freeze({
  modo: 'ponderado',
  pesos: Object.freeze({
    discapacidad: 3,
    adultoMayor: 1.5,
    sinAsignacionPrevia: 2,
    antiguedadPorAnio: 0.1,
    antiguedadMaxAnios: 10,
  }),
  niveles: NIVELES_POR_DEFECTO,
  edadAdultoMayor: 60,
  requiereAlDia: true,
});

/**
 * A whitelist copy in the contract's order: only the contract's fields, whatever the source holds
 * (a stored document, a validated DTO, a draw's header); `modo` and `niveles` default when absent.
 */
export function copiarConfig(c: ConfigPrioridadGuardada): ConfigPrioridad {
  const niveles = c.niveles ?? NIVELES_POR_DEFECTO;
  return {
    modo: c.modo ?? 'ponderado',
    pesos: {
      discapacidad: c.pesos.discapacidad,
      adultoMayor: c.pesos.adultoMayor,
      sinAsignacionPrevia: c.pesos.sinAsignacionPrevia,
      antiguedadPorAnio: c.pesos.antiguedadPorAnio,
      antiguedadMaxAnios: c.pesos.antiguedadMaxAnios,
    },
    niveles: {
      discapacidad: niveles.discapacidad,
      adultoMayor: niveles.adultoMayor,
      sinAsignacionPrevia: niveles.sinAsignacionPrevia,
    },
    edadAdultoMayor: c.edadAdultoMayor,
    requiereAlDia: c.requiereAlDia,
  };
}
