/** The types of the draw's pure core (SORTEO.md, API.md "Sorteo"). */

import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';

/** The algorithm of each `modo` (SORTEO.md); the name is the first line of `insumosHash`. */
export const ALGORITMOS = {
  ponderado: 'ES-SHA256-v1',
  niveles: 'NIVELES-SHA256-v1',
} as const;
export type AlgoritmoSorteo = (typeof ALGORITMOS)[keyof typeof ALGORITMOS];
export const ALGORITMO_SORTEO = ALGORITMOS.ponderado;

export type Etapa = 'reservada' | 'general';
export type ResultadoParticipante = 'asignada' | 'no_asignada';

/** The priority attributes, already evaluated at the draw instant. */
export interface AtributosPrioridad {
  readonly discapacidad: boolean;
  readonly adultoMayor: boolean;
  readonly sinAsignacionPrevia: boolean;
  readonly aniosResidencia: number;
}

export interface ParticipanteEntrada extends AtributosPrioridad {
  readonly solicitudId: string;
  readonly tipoVehiculo: TipoVehiculo;
}

export interface ParqueaderoEntrada {
  readonly codigo: string;
  readonly tipo: TipoVehiculo;
  readonly discapacidad: boolean;
}

export interface ParticipanteSorteado extends ParticipanteEntrada {
  readonly peso: number;
  readonly numeroAleatorio: number;
  readonly clave: number;
  readonly etapa: Etapa;
  readonly posicion: number;
  readonly resultado: ResultadoParticipante;
  readonly parqueadero: string | null;
  readonly posicionEspera: number | null;
}

export interface EntradaSorteo {
  readonly semilla: string;
  readonly participantes: readonly ParticipanteEntrada[];
  readonly parqueaderos: readonly ParqueaderoEntrada[];
  readonly config: ConfigPrioridad;
}

export interface ResumenSorteo {
  readonly participantes: number;
  readonly asignados: number;
  readonly enEspera: number;
}

export interface ResultadoCalculado {
  readonly algoritmo: AlgoritmoSorteo;
  readonly insumosHash: string;
  /** In result order: carro before moto, then `reservada` before `general`, then `posicion`. */
  readonly participantes: ParticipanteSorteado[];
  readonly resumen: ResumenSorteo;
}
