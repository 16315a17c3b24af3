import type { Unidad } from 'src/shared/dominio/vocabulario';
import type {
  Etapa,
  ParqueaderoEntrada,
  ParticipanteSorteado,
  ResultadoParticipante,
} from './core/tipos';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';

/**
 * Lifecycle of a stored draw; only `completo` is ever shown. "Being applied" is not written here:
 * it is the turn's `confirmar` decision (an insert). The header changes at most once, to `completo`
 * or to `abortado`, and every writer of a given draw writes the same value, so FerretDB's
 * whole-document rewrites can never move it backwards.
 */
export const ESTADOS_SORTEO = ['preparando', 'completo', 'abortado'] as const;
export type EstadoSorteo = (typeof ESTADOS_SORTEO)[number];

export interface Anulado {
  motivo: string;
  por: string;
  fecha: Date;
}

export interface ResumenGuardado {
  participantes: number;
  asignados: number;
  enEspera: number;
  excluidos: number;
}

/** Number of chunk documents per list; every chunk but the last holds `tamanoBloque` items. */
export interface ConteoBloques {
  participantes: number;
  excluidas: number;
  parqueaderos: number;
}

/**
 * Where a draw's seed came from, shown to every reader: the server's CSPRNG, a person (only when
 * SORTEO_SEMILLA_MANUAL allows it), or an announced draw's derivation.
 */
export const ORIGENES_SEMILLA = ['servidor', 'manual', 'convocatoria'] as const;
export type OrigenSemilla = (typeof ORIGENES_SEMILLA)[number];

/** An announced draw's derivation, published with its result (SORTEO.md, PARKNET-SEMILLA-v1). */
export interface ConvocatoriaRevelada {
  id: string;
  cerradaEn: Date;
  fuentesPublicas: Array<{ descripcion: string }>;
  /** In canonical form, in the announced order. */
  valoresPublicos: string[];
  compromisoServidor: string;
  secretoServidor: string;
}

/** The header of a stored draw: small, so listing and status changes stay cheap. */
export interface CabeceraSorteo {
  id: string;
  turno: number;
  estado: EstadoSorteo;
  nombre: string;
  ejecutadoEn: Date;
  ejecutadoPor: string;
  algoritmo: string;
  origenSemilla: OrigenSemilla;
  semilla: string;
  insumosHash: string;
  /** Null for an immediate draw. */
  convocatoria: ConvocatoriaRevelada | null;
  config: ConfigPrioridad;
  resumen: ResumenGuardado;
  tamanoBloque: number;
  bloques: ConteoBloques;
  anulado: Anulado | null;
}

/**
 * One participant as stored: the published inputs and outputs plus what is needed to re-derive
 * the solicitud's outcome after a crash (`version`) and to show it to its owner.
 */
export interface ParticipanteGuardado {
  solicitudId: string;
  /** The solicitud's version when the draw read it; the draw reserved version + 1. */
  version: number;
  residenteId: string;
  residenteNombre: string;
  unidad: Unidad;
  placa: string;
  tipoVehiculo: TipoVehiculo;
  discapacidad: boolean;
  adultoMayor: boolean;
  sinAsignacionPrevia: boolean;
  aniosResidencia: number;
  peso: number;
  numeroAleatorio: number;
  clave: number;
  etapa: Etapa;
  posicion: number;
  resultado: ResultadoParticipante;
  parqueadero: string | null;
  posicionEspera: number | null;
}

export interface ExcluidaGuardada {
  solicitudId: string;
  version: number;
  residenteId: string;
  unidad: Unidad;
  placa: string;
  tipoVehiculo: TipoVehiculo;
  motivo: string;
}

export type TipoBloque = 'participantes' | 'excluidas' | 'parqueaderos';

export interface ItemsPorTipo {
  participantes: ParticipanteGuardado;
  excluidas: ExcluidaGuardada;
  parqueaderos: ParqueaderoEntrada;
}

/** A whole stored draw, as the detail endpoint and the draw's own response show it. */
export interface ResultadoCompleto {
  cabecera: CabeceraSorteo;
  parqueaderos: ParqueaderoEntrada[];
  participantes: ParticipanteGuardado[];
  excluidas: ExcluidaGuardada[];
}

/**
 * What the core decided about one participant, as stored and as published to its owners. Named
 * one by one: a field the core gains later is neither stored nor published until added here.
 */
export type CamposSorteados = Pick<
  ParticipanteSorteado,
  | 'tipoVehiculo'
  | 'discapacidad'
  | 'adultoMayor'
  | 'sinAsignacionPrevia'
  | 'aniosResidencia'
  | 'peso'
  | 'numeroAleatorio'
  | 'clave'
  | 'etapa'
  | 'posicion'
  | 'resultado'
  | 'parqueadero'
  | 'posicionEspera'
>;

/** A whitelist copy of those fields: stored extras never travel with them. */
export function camposSorteados(p: CamposSorteados): CamposSorteados {
  return {
    tipoVehiculo: p.tipoVehiculo,
    discapacidad: p.discapacidad,
    adultoMayor: p.adultoMayor,
    sinAsignacionPrevia: p.sinAsignacionPrevia,
    aniosResidencia: p.aniosResidencia,
    peso: p.peso,
    numeroAleatorio: p.numeroAleatorio,
    clave: p.clave,
    etapa: p.etapa,
    posicion: p.posicion,
    resultado: p.resultado,
    parqueadero: p.parqueadero,
    posicionEspera: p.posicionEspera,
  };
}
