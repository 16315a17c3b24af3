import type { TipoVehiculo, Unidad } from 'src/shared/dominio/vocabulario';

export const ESTADOS_SOLICITUD = [
  'pendiente',
  'aprobada',
  'rechazada',
  'cancelada',
  'asignada',
  'no_asignada',
] as const;
export type EstadoSolicitud = (typeof ESTADOS_SOLICITUD)[number];

export interface EntradaHistorial {
  estado: EstadoSolicitud;
  fecha: Date;
  usuarioId: string | null;
  motivo: string | null;
}

export interface SolicitudEntidad {
  id: string;
  residenteId: string;
  unidad: Unidad;
  vehiculo: { placa: string; tipo: TipoVehiculo };
  observaciones: string | null;
  estado: EstadoSolicitud;
  motivo: string | null;
  sorteoId: string | null;
  parqueadero: string | null;
  posicionEspera: number | null;
  /** Number of transitions applied; the next one is decided by claiming version + 1. */
  version: number;
  historial: EntradaHistorial[];
  createdAt: Date;
  updatedAt: Date;
}

/** One approved solicitud as the draw reads it (lean, projected). */
export interface SolicitudParaSorteo {
  id: string;
  version: number;
  residenteId: string;
  unidad: Unidad;
  vehiculo: { placa: string; tipo: TipoVehiculo };
}

/** The draw's outcome for one solicitud, applied by SolicitudesDelSorteoService.aplicarSorteo. */
export interface DesenlaceSorteo {
  id: string;
  /** The version the draw reserved (SolicitudParaSorteo.version + 1). */
  version: number;
  estado: 'asignada' | 'no_asignada';
  parqueadero: string | null;
  posicionEspera: number | null;
  /** e.g. 'RESIDENTE_EN_MORA' for the excluded; null otherwise. */
  motivo: string | null;
  /** Copied from SolicitudParaSorteo, so the open-request claims can be released without a read. */
  unidad: Unidad;
  vehiculo: { placa: string; tipo: TipoVehiculo };
}
