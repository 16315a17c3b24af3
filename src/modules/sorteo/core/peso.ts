import type { AtributosPrioridad } from './tipos';
import type { NivelesPrioridad, PesosPrioridad } from 'src/shared/dominio/config-prioridad';

/**
 * SORTEO.md's weight, evaluated left to right exactly as written: the order of the products
 * changes the last bits (3 * 1.2 is 3.5999999999999996), and those bits are published and hashed.
 */
export function calcularPeso(atributos: AtributosPrioridad, pesos: PesosPrioridad): number {
  const fD = atributos.discapacidad ? pesos.discapacidad : 1;
  const fM = atributos.adultoMayor ? pesos.adultoMayor : 1;
  const fP = atributos.sinAsignacionPrevia ? pesos.sinAsignacionPrevia : 1;
  const anios = Math.min(atributos.aniosResidencia, pesos.antiguedadMaxAnios);
  return fD * fM * fP * (1 + pesos.antiguedadPorAnio * anios);
}

/** NIVELES-SHA256-v1's integer score: the sum of the tiers that apply (antiguedad plays no part). */
export function calcularPuntaje(atributos: AtributosPrioridad, niveles: NivelesPrioridad): number {
  return (
    (atributos.discapacidad ? niveles.discapacidad : 0) +
    (atributos.adultoMayor ? niveles.adultoMayor : 0) +
    (atributos.sinAsignacionPrevia ? niveles.sinAsignacionPrevia : 0)
  );
}
