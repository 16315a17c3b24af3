import type { DatosAuditoria, Decision } from 'src/core/turnos/turno.entity';
import { aJson } from 'src/modules/auditoria/canonico';
import type { NuevaEntrada } from 'src/modules/auditoria/entrada-auditoria';

/**
 * A turn's change (a draw, an annulment, a close, a cancellation, a renuncia) is finished by its
 * holder or, after a crash, by a recovery. Its audit entry is prepared before the decision and
 * stored in it, so both record exactly the same entry, and the recovery can tell whether the
 * holder recorded it before dying (AuditoriaService.registrarSiFalta). Stored as JSON data only
 * (dates as ISO text), so what a recovery reads back is, byte for byte, what the holder had.
 */
export type EntradaFechada = NuevaEntrada & { fecha: Date };

export function auditoriaDeDecision(e: EntradaFechada): DatosAuditoria {
  return aJson({ ...e, fecha: e.fecha.toISOString() }) as DatosAuditoria;
}

/** The entry a confirmed decision carries; null for decisions stored before entries were. */
export function entradaDeDecision(d: Decision): NuevaEntrada | null {
  const a = d.auditoria;
  if (d.valor !== 'confirmar' || !a) return null;
  return { ...(a as unknown as NuevaEntrada), fecha: new Date(String(a.fecha)) };
}

/** The holder's side: the entry its own confirmed decision carries (it always carries one). */
export function entradaConfirmada(d: Decision): NuevaEntrada {
  const e = entradaDeDecision(d);
  if (!e) throw new Error(`La decisión del turno ${d.turno} no trae su entrada de auditoría`);
  return e;
}
