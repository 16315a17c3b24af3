import type { Document as MongoDoc } from 'mongodb';
import { Types } from 'mongoose';
import { EstadoSolicitud } from './solicitud.entity';

type DocCrudo = MongoDoc & { _id: unknown };

export interface CambioMasivo {
  estado: EstadoSolicitud;
  motivo: string | null;
  sorteoId: Types.ObjectId | null;
  parqueadero: string | null;
  posicionEspera: number | null;
}

/**
 * A stored solicitud (as the driver returns it) after one change: next version, the new fields and
 * a historial entry. Used by the batch writes of draws and annulments.
 */
export function conCambio(
  doc: DocCrudo,
  c: CambioMasivo,
  usuarioId: string,
  fecha: Date,
  motivoHistorial = c.motivo,
): DocCrudo {
  const historial = Array.isArray(doc.historial) ? (doc.historial as unknown[]) : [];
  return {
    ...doc,
    ...c,
    version: Number(doc.version) + 1,
    historial: [
      ...historial,
      {
        estado: c.estado,
        fecha,
        usuarioId: new Types.ObjectId(usuarioId),
        motivo: motivoHistorial,
      },
    ],
    updatedAt: fecha,
  };
}
