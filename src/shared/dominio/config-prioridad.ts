export interface PesosPrioridad {
  readonly discapacidad: number;
  readonly adultoMayor: number;
  readonly sinAsignacionPrevia: number;
  readonly antiguedadPorAnio: number;
  readonly antiguedadMaxAnios: number;
}

/** The complex's priority rules: read by the draw, and by approvals (`requiereAlDia`). */
export interface ConfigPrioridad {
  readonly pesos: PesosPrioridad;
  readonly edadAdultoMayor: number;
  readonly requiereAlDia: boolean;
}

/** API.md's defaults; frozen because every draw and every new config starts from this one object. */
export const CONFIG_PRIORIDAD_POR_DEFECTO: ConfigPrioridad = Object.freeze({
  pesos: Object.freeze({
    discapacidad: 3,
    adultoMayor: 1.5,
    sinAsignacionPrevia: 2,
    antiguedadPorAnio: 0.1,
    antiguedadMaxAnios: 10,
  }),
  edadAdultoMayor: 60,
  requiereAlDia: true,
});

/**
 * A whitelist copy in the contract's order: only the contract's fields, whatever the source holds
 * (a stored document, a validated DTO, a draw's header).
 */
export function copiarConfig(c: ConfigPrioridad): ConfigPrioridad {
  return {
    pesos: {
      discapacidad: c.pesos.discapacidad,
      adultoMayor: c.pesos.adultoMayor,
      sinAsignacionPrevia: c.pesos.sinAsignacionPrevia,
      antiguedadPorAnio: c.pesos.antiguedadPorAnio,
      antiguedadMaxAnios: c.pesos.antiguedadMaxAnios,
    },
    edadAdultoMayor: c.edadAdultoMayor,
    requiereAlDia: c.requiereAlDia,
  };
}
