import type { ConfigPrioridad } from './tipos';

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
