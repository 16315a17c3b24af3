/** Published when a resident is given de baja; solicitudes cancels their open requests. */
export const RESIDENTE_DESACTIVADO = 'residente.desactivado';

export interface ResidenteDesactivadoEvento {
  residenteId: string;
  usuarioId: string;
  motivo: string;
}
