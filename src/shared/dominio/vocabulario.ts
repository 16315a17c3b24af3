/**
 * Words every feature shares: a solicitud asks for a spot for a vehicle type, a draw assigns spots
 * by type, and both speak of a resident's unit. Kept below the features so none imports another
 * for a type.
 */
export type TipoVehiculo = 'carro' | 'moto';

export interface Unidad {
  torre: string;
  apartamento: string;
}
