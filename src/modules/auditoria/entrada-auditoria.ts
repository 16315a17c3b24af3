import { jsonCanonico, type Json } from './canonico';

/** Who made a change: a user, or the system itself (recoveries, start-up jobs). */
export interface ActorAuditoria {
  id: string;
  rol: string;
}

/**
 * Changes made by the server on its own (the first admin at start-up, a recovery finishing a
 * crashed job): no user is behind them, so they are signed by this fixed actor.
 */
export const ACTOR_SISTEMA: ActorAuditoria = { id: 'sistema', rol: 'sistema' };

export interface RecursoAuditoria {
  tipo: string;
  id: string | null;
}

/** API.md's EntradaAuditoria, exactly its fields, as stored and as returned. */
export interface EntradaAuditoria {
  n: number;
  fecha: string;
  actor: ActorAuditoria;
  accion: string;
  recurso: RecursoAuditoria;
  cambios: Json;
  hashPrevio: string;
  hash: string;
}

/** What a service records; the chain adds n, fecha, hashPrevio and hash. */
export interface NuevaEntrada {
  actor: ActorAuditoria;
  accion: Accion;
  recurso: RecursoAuditoria;
  /** By convention `{campo: {antes, despues}}`; bulk actions list their items. */
  cambios: unknown;
  /** When the change was made (defaults to when it is recorded). */
  fecha?: Date;
}

/**
 * Every action the log knows (docs/auditoria.md lists what each records). A new write must add
 * its action here: the whole-API e2e test checks each write route records one.
 */
export const ACCIONES = [
  'residente.creado',
  'residente.modificado',
  'residente.baja',
  'residente.reactivado',
  'residente.activacion_emitida',
  'residentes.importados',
  // Self-registration (docs/registro.md): the actor of the first two is the new resident, rol
  // `registro` (no session yet); the decisions are the administration's.
  'residente.registrado',
  'residente.correo_verificado',
  'residente.registro_aprobado',
  'residente.registro_rechazado',
  'solicitud.creada',
  'solicitud.estado',
  'solicitudes.aprobadas',
  'config.modificada',
  'parqueadero.creado',
  'parqueadero.modificado',
  'parqueadero.baja',
  'parqueaderos.importados',
  'convocatoria.creada',
  'convocatoria.cerrada',
  'convocatoria.cancelada',
  'sorteo.ejecutado',
  'sorteo.anulado',
  'sorteo.renuncia',
  'usuario.creado',
  'usuario.baja',
  'notificacion.reintentada',
] as const;
export type Accion = (typeof ACCIONES)[number];

/** `{campo: {antes, despues}}` for the fields whose value differs (deep, by JSON form). */
export function diferencias(
  antes: Record<string, unknown>,
  despues: Record<string, unknown>,
  campos: readonly string[] = [...new Set([...Object.keys(antes), ...Object.keys(despues)])],
): Record<string, { antes: unknown; despues: unknown }> {
  const out: Record<string, { antes: unknown; despues: unknown }> = {};
  for (const c of campos) {
    const a = antes[c] ?? null;
    const d = despues[c] ?? null;
    if (jsonCanonico(a) !== jsonCanonico(d)) out[c] = { antes: a, despues: d };
  }
  return out;
}

/** A creation as changes: every field from null to its value. */
export function creacion(
  valores: Record<string, unknown>,
): Record<string, { antes: null; despues: unknown }> {
  const out: Record<string, { antes: null; despues: unknown }> = {};
  for (const [c, v] of Object.entries(valores)) out[c] = { antes: null, despues: v ?? null };
  return out;
}
