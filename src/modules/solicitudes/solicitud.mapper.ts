import { SolicitudDto } from './dto/solicitud-response.dto';
import { SolicitudEntidad } from './solicitud.entity';

/** Whitelist: the internal `version` stays on the server. */
export function aSolicitudDto(s: SolicitudEntidad): SolicitudDto {
  return {
    id: s.id,
    residenteId: s.residenteId,
    unidad: { torre: s.unidad.torre, apartamento: s.unidad.apartamento },
    vehiculo: { placa: s.vehiculo.placa, tipo: s.vehiculo.tipo },
    observaciones: s.observaciones,
    estado: s.estado,
    motivo: s.motivo,
    sorteoId: s.sorteoId,
    parqueadero: s.parqueadero,
    posicionEspera: s.posicionEspera,
    historial: s.historial.map((h) => ({
      estado: h.estado,
      fecha: h.fecha.toISOString(),
      usuarioId: h.usuarioId,
      motivo: h.motivo,
    })),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
