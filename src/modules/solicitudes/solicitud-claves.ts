import { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import { Unidad } from 'src/shared/dominio/vocabulario';

/** Claims held while a solicitud is open: one per unit and vehicle type, one per placa. */
export const claveUnidad = (u: Unidad, tipo: TipoVehiculo): string =>
  `solicitud:unidad:${u.torre}:${u.apartamento}:${tipo}`;
export const clavePlaca = (placa: string): string => `solicitud:placa:${placa}`;

/**
 * Who releases the claims a draw kept for a solicitud it closed: a later request that needs them
 * (owner SANEADOR) or an annulment of that draw that reopens it (owner ANULACION). One insert.
 */
export const claveCierre = (solicitudId: string, sorteoId: string): string =>
  `solicitud:cierre:${solicitudId}:${sorteoId}`;
export const SANEADOR = 'saneador';
export const ANULACION = 'anulacion';
