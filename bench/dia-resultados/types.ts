import { DbKind } from '../lib/databases';
import { Medida } from './carga';

export type NombreVariante = 'base' | 'historia' | 'grande';

/** Parameters of one run, printed with its results. */
export interface Parametros {
  R: number;
  PREVIOS: number;
  GRANDE: number;
  CONCURRENCIA: number;
  TOPE_SEG: number;
  ADMIN_PETICIONES: number;
}

export interface Fila {
  peticion: string;
  medida: Medida | null;
  nota?: string;
}

export interface ResultadoVariante {
  db: DbKind;
  version: string;
  variante: NombreVariante;
  residentes: number;
  solicitudes: number;
  participantes: number;
  seedMs: number;
  sorteoMs: number;
  sorteoRssMb: number | null;
  filas: Fila[];
  /** VmHWM of the server restarted after the draw: the hour of reads alone. */
  rssLecturasMb: number | null;
  admin: Fila[];
  rssFinalMb: number | null;
  /** Distinct error lines the server logged during the reads. */
  registro: string[];
}
