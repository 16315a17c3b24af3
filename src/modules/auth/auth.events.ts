/** Published by auth when a resident's account becomes active; residentes mirrors it in `cuenta`. */
export const CUENTA_ACTIVADA = 'cuenta.activada';

export interface CuentaActivadaEvento {
  residenteId: string;
}
