import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import type { Unidad } from 'src/shared/dominio/vocabulario';
import type { ParqueaderoEntrada, ParticipanteEntrada } from '../core/tipos';
import type { ExcluidaGuardada } from '../resultado.entity';

export const ESTADOS_CONVOCATORIA = ['abierta', 'cerrada', 'ejecutada', 'cancelada'] as const;
export type EstadoConvocatoria = (typeof ESTADOS_CONVOCATORIA)[number];

export interface FuentePublica {
  descripcion: string;
}

export interface Vigencia {
  desde: Date;
  hasta: Date;
}

export interface ConteoPorTipo {
  carro: number;
  moto: number;
}

export interface ResumenConvocatoria {
  participantes: ConteoPorTipo;
  parqueaderos: ConteoPorTipo;
  excluidos: number;
}

export interface Cancelada {
  motivo: string;
  por: string;
  fecha: Date;
}

/** Chunk documents per frozen list; every chunk but the last holds `tamanoBloque` items. */
export interface ConteoBloquesConvocatoria {
  participantes: number;
  excluidas: number;
  parqueaderos: number;
}

/**
 * What a close publishes, written first as a pending record and copied to the header once the
 * close's turn confirms. `primeros[i]` is the first solicitudId of participants chunk i (the lines
 * are sorted by solicitudId), so one resident's lines are found without reading every chunk.
 */
export interface PublicadoAlCierre {
  cerradaEn: Date;
  config: ConfigPrioridad;
  insumosHash: string;
  compromisoServidor: string;
  resumen: ResumenConvocatoria;
  tamanoBloque: number;
  bloques: ConteoBloquesConvocatoria;
  primeros: string[];
}

export interface Convocatoria {
  id: string;
  /** The id of the draw it becomes, reserved at creation: its reservations carry it. */
  idSorteo: string;
  nombre: string;
  estado: EstadoConvocatoria;
  fechaSorteo: Date;
  vigencia: Vigencia | null;
  fuentesPublicas: FuentePublica[];
  /** The spots given at creation; frozen as they are at the close. */
  parqueaderos: ParqueaderoEntrada[];
  /** Null until the close. */
  cierre: PublicadoAlCierre | null;
  sorteoId: string | null;
  cancelada: Cancelada | null;
  creadaPor: string;
  createdAt: Date;
}

/** One frozen participant: the core's input plus what the result will publish and apply. */
export interface LineaCongelada extends ParticipanteEntrada {
  version: number;
  residenteId: string;
  residenteNombre: string;
  unidad: Unidad;
  placa: string;
}

export type TipoBloqueConvocatoria = 'participantes' | 'excluidas' | 'parqueaderos';

export interface ItemsConvocatoria {
  participantes: LineaCongelada;
  excluidas: ExcluidaGuardada;
  parqueaderos: ParqueaderoEntrada;
}
