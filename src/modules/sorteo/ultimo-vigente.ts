import { Injectable } from '@nestjs/common';
import { TurnosService } from 'src/core/turnos/turnos.service';
import type { CabeceraSorteo } from './resultado.entity';
import { SorteosRepository } from './sorteos.repository';

interface Conocido {
  /** Turns 1..turno had all ended when `sorteoId` was found. */
  turno: number;
  /** When turn `turno` began: the same number in an emptied and refilled sequence is another turn. */
  inicio: Date | null;
  sorteoId: string | null;
}

/**
 * The latest complete, non-annulled draw for readers (mi-asignacion) without sorting the headers
 * on every request: FerretDB on SQLite fetches a whole collection to sort it. Only a turn's holder
 * (a draw, an annulment, their recoveries) can change which draw that is, and it ends its turn
 * after writing; so while turn `turno + 1` is free the answer stands, and two `_id` reads tell
 * (that one, and turn `turno` itself, still the same). Otherwise the ended turns are walked by
 * `_id` and the headers sorted once.
 */
@Injectable()
export class UltimoVigente {
  private conocido: Conocido | null = null;

  constructor(
    private readonly repo: SorteosRepository,
    private readonly turnos: TurnosService,
  ) {}

  async cabecera(): Promise<CabeceraSorteo | null> {
    const k = this.conocido;
    if (k && (await this.vigente(k))) {
      if (!k.sorteoId) return null;
      const c = await this.repo.cabecera(k.sorteoId);
      // Always true while no turn passed; checked anyway, as the header is read for its state.
      if (c?.estado === 'completo' && !c.anulado) return c;
    }
    return this.recalcular(k);
  }

  private async vigente(k: Conocido): Promise<boolean> {
    const [propio, siguiente] = await Promise.all([
      k.turno > 0 ? this.turnos.estado(k.turno) : null,
      this.turnos.estado(k.turno + 1),
    ]);
    const mismo = k.turno === 0 || propio?.inicio.getTime() === k.inicio?.getTime();
    return mismo && siguiente === null;
  }

  /**
   * The walk comes before the sort: whatever changes after the walk has a higher turn, which the
   * next request sees taken. Not shared between requests: one that began before a change ended
   * must not answer one that began after it.
   */
  private async recalcular(k: Conocido | null): Promise<CabeceraSorteo | null> {
    let turno = k && (await this.mismoTurno(k)) ? k.turno : await this.turnos.terminadosHasta();
    let inicio = turno > 0 ? ((await this.turnos.estado(turno))?.inicio ?? null) : null;
    for (;;) {
      const t = await this.turnos.estado(turno + 1);
      if (!t?.terminado) break;
      turno++;
      inicio = t.inicio;
    }
    const c = await this.repo.ultimoVigente();
    // A slower, older answer may overwrite a newer one: it is right as of its turn, and the next
    // request finds the following turn taken and looks again.
    this.conocido = { turno, inicio, sorteoId: c?.id ?? null };
    return c;
  }

  private async mismoTurno(k: Conocido): Promise<boolean> {
    if (k.turno === 0) return true;
    const t = await this.turnos.estado(k.turno);
    return t?.inicio.getTime() === k.inicio?.getTime();
  }
}
