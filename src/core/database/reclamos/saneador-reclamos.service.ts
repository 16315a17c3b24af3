import { Injectable } from '@nestjs/common';
import { Reloj } from 'src/core/reloj/reloj.service';
import { ReclamosRepository } from './reclamos.repository';

/**
 * How long a claim, or the owner that holds it, counts as "just written": its writer may still be
 * finishing (a creation in flight, a closer releasing keys), so it is never healed that young.
 * One value for every kind of claim, and for transition claims (ArbitroTransiciones): within it a
 * loser reports the conflict, past it the claim is taken for a dead writer's and rolled forward.
 */
export const GRACIA_RECLAMO_MS = 60_000;

/**
 * What a claim's owner says of a key it holds. `'liberable'`: the owner is closed for good and
 * let go of its keys (they may go at once). Otherwise whether the owner still backs the key, and
 * when the owner last changed (null: the owner does not exist).
 */
export type Respaldo = 'liberable' | { respaldada: boolean; cambiadoEn: Date | null };

/**
 * The one place that heals stale claims: left by a crash between a claim and the write it
 * guarded, or by a draw, which keeps the claims of what it closes. Each feature says, through
 * `respaldo`, whether the owner still backs a key; the grace period and the retry are decided here.
 */
@Injectable()
export class SaneadorReclamos {
  constructor(
    private readonly reclamos: ReclamosRepository,
    private readonly reloj: Reloj,
  ) {}

  /**
   * Claims every key or none (idempotent for `dueno`); returns null, or the key another owner
   * still holds. A refusing claim found stale is released and the claims retried, once per key.
   */
  async reclamarTodas(
    claves: string[],
    dueno: string,
    respaldo: (clave: string, otroDueno: string) => Promise<Respaldo>,
  ): Promise<string | null> {
    let rechazada: string | null = null;
    for (let intento = 0; intento <= claves.length; intento++) {
      rechazada = await this.reclamos.reclamarTodasIdempotente(claves, dueno);
      if (!rechazada) return null;
      const otro = await this.reclamos.leer(rechazada);
      if (!otro) continue;
      if (!this.huerfana(otro.creadoEn, await respaldo(rechazada, otro.dueno))) return rechazada;
      await this.reclamos.liberar([rechazada], otro.dueno);
    }
    return rechazada;
  }

  /** True when `fecha` is within the grace period: its writer may still be at work. */
  reciente(fecha: Date): boolean {
    return this.reloj.ahora().getTime() - fecha.getTime() < GRACIA_RECLAMO_MS;
  }

  private huerfana(creadoEn: Date, r: Respaldo): boolean {
    if (r === 'liberable') return true;
    if (r.respaldada) return false;
    if (r.cambiadoEn && this.reciente(r.cambiadoEn)) return false;
    return !this.reciente(creadoEn);
  }
}
