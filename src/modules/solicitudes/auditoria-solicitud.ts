import type { SolicitudEntidad } from './solicitud.entity';

/**
 * A change of estado as the log records it, from the solicitud after the change: the state it
 * left is the one before the last in its historial (every change appends one line).
 */
export function cambioDeEstado(s: Pick<SolicitudEntidad, 'historial' | 'estado' | 'motivo'>): {
  estado: { antes: string | null; despues: string };
  motivo: { antes: string | null; despues: string | null };
} {
  const previo = s.historial.length >= 2 ? s.historial[s.historial.length - 2] : null;
  return {
    estado: { antes: previo?.estado ?? null, despues: s.estado },
    motivo: { antes: previo?.motivo ?? null, despues: s.motivo },
  };
}
