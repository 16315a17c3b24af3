/**
 * After the draw: renuncias and the waiting list (SORTEO.md, "movimientos"). Pure: the server's
 * renuncias, its `verificar` and the offline script (scripts/verificar-sorteo.mjs mirrors this
 * file) replay the same movimientos over the same outcome the same way.
 */
import type { ParqueaderoEntrada, ResultadoParticipante } from './tipos';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';

export const TIPOS_MOVIMIENTO = ['renuncia', 'promocion', 'omision', 'vacante'] as const;
export type TipoMovimiento = (typeof TIPOS_MOVIMIENTO)[number];

/** Why a renuncia happened: the holder (or the administration) gave it up, or a baja. */
export const MOTIVOS_RENUNCIA = ['RENUNCIA', 'BAJA'] as const;
export type MotivoRenuncia = (typeof MOTIVOS_RENUNCIA)[number];

/**
 * Why a waiting participant was passed over. The first two are for now (they stay on the list for
 * later spots); a solicitud that left the waiting list (`no_asignada` no more) never comes back,
 * so after that omision it is no longer a candidate.
 */
export const OMISION_INACTIVO = 'RESIDENTE_INACTIVO';
export const OMISION_EN_MORA = 'RESIDENTE_EN_MORA';
export const OMISION_FUERA_DE_LISTA = 'SOLICITUD_FUERA_DE_LISTA';
export const MOTIVOS_OMISION = [OMISION_INACTIVO, OMISION_EN_MORA, OMISION_FUERA_DE_LISTA] as const;

/**
 * One movimiento. `parqueadero` is the spot it concerns (for an omision, the spot the participant
 * was passed over for); `solicitudId` is null only for a vacante; `motivo` only on renuncias and
 * omisiones.
 */
export interface Movimiento {
  readonly n: number;
  readonly tipo: TipoMovimiento;
  readonly solicitudId: string | null;
  readonly parqueadero: string;
  readonly motivo: string | null;
}

/** What the replay needs of each participant: the draw's own outcome. */
export interface ParticipanteEnLista {
  readonly solicitudId: string;
  readonly tipoVehiculo: TipoVehiculo;
  readonly discapacidad: boolean;
  readonly resultado: ResultadoParticipante;
  readonly parqueadero: string | null;
  readonly posicionEspera: number | null;
}

/** Who holds what now, and who can no longer be promoted. */
export interface Tenencias {
  /** Spot → solicitud holding it. */
  readonly titular: Map<string, string>;
  /** Solicitud → spot it holds. */
  readonly parqueaderoDe: Map<string, string>;
  /** Promoted at some point (never again a candidate, even after renouncing). */
  readonly promovidos: Set<string>;
  /** Renounced, or passed over because it left the waiting list. */
  readonly fuera: Set<string>;
  /** The number the next movimiento takes. */
  siguiente: number;
}

/** The draw's outcome, before any movimiento. */
export function tenenciasIniciales(participantes: readonly ParticipanteEnLista[]): Tenencias {
  const t: Tenencias = {
    titular: new Map(),
    parqueaderoDe: new Map(),
    promovidos: new Set(),
    fuera: new Set(),
    siguiente: 1,
  };
  for (const p of participantes) {
    if (p.resultado === 'asignada' && p.parqueadero !== null) {
      t.titular.set(p.parqueadero, p.solicitudId);
      t.parqueaderoDe.set(p.solicitudId, p.parqueadero);
    }
  }
  return t;
}

/** Applies one movimiento as stored; the checks belong to verificarMovimientos. */
export function aplicarMovimiento(t: Tenencias, m: Movimiento): void {
  t.siguiente = Math.max(t.siguiente, m.n + 1);
  if (m.solicitudId === null) return;
  if (m.tipo === 'renuncia') {
    t.titular.delete(m.parqueadero);
    t.parqueaderoDe.delete(m.solicitudId);
    t.fuera.add(m.solicitudId);
  } else if (m.tipo === 'promocion') {
    t.titular.set(m.parqueadero, m.solicitudId);
    t.parqueaderoDe.set(m.solicitudId, m.parqueadero);
    t.promovidos.add(m.solicitudId);
  } else if (m.tipo === 'omision' && m.motivo === OMISION_FUERA_DE_LISTA) {
    t.fuera.add(m.solicitudId);
  }
}

/** The outcome with the movimientos replayed in order (`n` ascending). */
export function reproducir(
  participantes: readonly ParticipanteEnLista[],
  movimientos: readonly Movimiento[],
): Tenencias {
  const t = tenenciasIniciales(participantes);
  for (const m of [...movimientos].sort((a, b) => a.n - b.n)) aplicarMovimiento(t, m);
  return t;
}

/**
 * The candidates for a freed spot, best first: the waiting participants of its vehicle type in
 * `posicionEspera` order, those with a disability first for a reserved spot; never one already
 * promoted, holding a spot, renounced or out of the list.
 */
export function candidatos(
  participantes: readonly ParticipanteEnLista[],
  t: Tenencias,
  spot: Pick<ParqueaderoEntrada, 'tipo' | 'discapacidad'>,
): ParticipanteEnLista[] {
  const enEspera = participantes
    .filter(
      (p) =>
        p.tipoVehiculo === spot.tipo &&
        p.posicionEspera !== null &&
        !t.promovidos.has(p.solicitudId) &&
        !t.fuera.has(p.solicitudId) &&
        !t.parqueaderoDe.has(p.solicitudId),
    )
    .sort((a, b) => (a.posicionEspera ?? 0) - (b.posicionEspera ?? 0));
  if (!spot.discapacidad) return enEspera;
  return [...enEspera.filter((p) => p.discapacidad), ...enEspera.filter((p) => !p.discapacidad)];
}

/** One candidate as the renuncia judged it: `omision` null means eligible. */
export interface Evaluado {
  readonly solicitudId: string;
  readonly omision: string | null;
}

/**
 * The group of movimientos of one renuncia, numbered from `t.siguiente`: the renuncia, an omision
 * per candidate passed over, then the promotion of the first eligible one or a vacante.
 * `evaluados` are the candidates in order, up to and including the first eligible one.
 */
export function grupoDeRenuncia(
  t: Pick<Tenencias, 'siguiente'>,
  renuncia: { solicitudId: string; parqueadero: string; motivo: MotivoRenuncia },
  evaluados: readonly Evaluado[],
): Movimiento[] {
  let n = t.siguiente;
  const spot = renuncia.parqueadero;
  const grupo: Movimiento[] = [{ n: n++, tipo: 'renuncia', ...renuncia }];
  for (const e of evaluados) {
    if (e.omision === null) {
      grupo.push({
        n: n++,
        tipo: 'promocion',
        solicitudId: e.solicitudId,
        parqueadero: spot,
        motivo: null,
      });
      return grupo;
    }
    grupo.push({
      n: n++,
      tipo: 'omision',
      solicitudId: e.solicitudId,
      parqueadero: spot,
      motivo: e.omision,
    });
  }
  grupo.push({ n: n++, tipo: 'vacante', solicitudId: null, parqueadero: spot, motivo: null });
  return grupo;
}

/** Current outcome of each participant the movimientos touched. */
export interface Actual {
  readonly resultado: ResultadoParticipante;
  readonly parqueadero: string | null;
  readonly posicionEspera: number | null;
}

/**
 * How the movimientos change what the result shows: a promoted participant holds the spot (no
 * waiting position); one who renounced shows `no_asignada` with neither spot nor position.
 */
export function actuales(movimientos: readonly Movimiento[]): Map<string, Actual> {
  const mapa = new Map<string, Actual>();
  for (const m of [...movimientos].sort((a, b) => a.n - b.n)) {
    if (m.solicitudId === null) continue;
    if (m.tipo === 'renuncia')
      mapa.set(m.solicitudId, {
        resultado: 'no_asignada',
        parqueadero: null,
        posicionEspera: null,
      });
    else if (m.tipo === 'promocion')
      mapa.set(m.solicitudId, {
        resultado: 'asignada',
        parqueadero: m.parqueadero,
        posicionEspera: null,
      });
  }
  return mapa;
}

/** A participant as the result shows it now. */
export function conMovimientos<T extends Actual & { solicitudId: string }>(
  p: T,
  mapa: ReadonlyMap<string, Actual>,
): T {
  const a = mapa.get(p.solicitudId);
  return a ? { ...p, ...a } : p;
}
