import type { Document as MongoDoc } from 'mongodb';
import { Types } from 'mongoose';
import { clavePlaca, claveUnidad } from './solicitud-claves';
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

/** The open-request claims a stored solicitud holds. */
export function clavesDe(doc: DocCrudo): string[] {
  const u = doc.unidad as { torre: string; apartamento: string };
  const v = doc.vehiculo as { placa: string; tipo: 'carro' | 'moto' };
  return [claveUnidad(u, v.tipo), clavePlaca(v.placa)];
}
