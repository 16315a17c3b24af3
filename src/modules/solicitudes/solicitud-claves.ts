import { TipoVehiculo } from 'src/modules/sorteo/core/tipos';
import { Unidad } from './solicitud.entity';

/** Claims held while a solicitud is open: one per unit and vehicle type, one per placa. */
export const claveUnidad = (u: Unidad, tipo: TipoVehiculo): string =>
  `solicitud:unidad:${u.torre}:${u.apartamento}:${tipo}`;
export const clavePlaca = (placa: string): string => `solicitud:placa:${placa}`;
