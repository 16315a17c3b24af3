import type { TipoTurno, ValorDecision } from './schemas/turno.schema';

export interface TurnoRegistro {
  numero: number;
  tipo: TipoTurno;
  sorteoId: string | null;
  instancia: string;
  host: string;
  pid: number;
  inicio: Date;
  latido: Date;
  terminado: boolean;
}

/** What a reader needs of a turn: which one it is (numbers restart if the sequence is emptied). */
export interface EstadoTurno {
  inicio: Date;
  terminado: boolean;
}

export interface AnulacionDecidida {
  sorteoId: string;
  motivo: string;
  por: string;
  fecha: Date;
}

export interface CancelacionDecidida {
  convocatoriaId: string;
  motivo: string;
  por: string;
  fecha: Date;
}

/** What a confirmed turn carries for its recovery, besides the turn's own `sorteoId`. */
export interface DatosDecision {
  anulacion?: AnulacionDecidida | null;
  cancelacion?: CancelacionDecidida | null;
  /** A renuncia's whole group of movimientos and solicitud changes (sorteo/renuncias). */
  renuncia?: DatosRenuncia | null;
  /**
   * The audit entry of the turn's change, prepared before the decision so whoever completes the
   * turn (its holder, or a recovery after a crash) records the same one (docs/auditoria.md).
   */
  auditoria?: DatosAuditoria | null;
}

/** A renuncia's group, opaque here: the draw module gives it its shape. */
export type DatosRenuncia = Record<string, unknown>;

/** An audit entry, opaque here: the audit module gives it its shape. */
export type DatosAuditoria = Record<string, unknown>;

export interface Decision {
  turno: number;
  valor: ValorDecision;
  anulacion: AnulacionDecidida | null;
  cancelacion: CancelacionDecidida | null;
  renuncia: DatosRenuncia | null;
  auditoria: DatosAuditoria | null;
}

export interface ProcesoLocal {
  host: string;
  pid: number;
  /** True when a process with this pid exists on this host. */
  existe(pid: number): boolean;
}

/**
 * Whether a turn's holder must be presumed alive. A silent heartbeat means dead; so does a holder
 * on this very host whose process no longer exists (a restart after a crash need not wait for the
 * heartbeat to go stale). Another pid can reuse the number: that only makes us wait, never wrong.
 */
export function holderVivo(
  t: TurnoRegistro,
  ahoraMs: number,
  timeoutMs: number,
  local: ProcesoLocal,
): boolean {
  if (t.terminado) return false;
  if (ahoraMs - t.latido.getTime() >= timeoutMs) return false;
  if (t.host === local.host && t.pid !== local.pid && !local.existe(t.pid)) return false;
  return true;
}
