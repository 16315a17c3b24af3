import { Injectable } from '@nestjs/common';
import { TurnosService } from 'src/core/turnos/turnos.service';
import type { CabeceraSorteo } from './resultado.entity';
import { SorteosRepository } from './sorteos.repository';

interface Conocido {
  /** Turns 1..turno had all ended when `sorteoId` was found. */
  turno: number;
  sorteoId: string | null;
}

/**
 * The latest complete, non-annulled draw for readers (mi-asignacion) without sorting the headers
 * on every request: FerretDB on SQLite fetches a whole collection to sort it. Only a turn's holder
 * (a draw, an annulment, their recoveries) can change which draw that is, and it ends its turn
 * after writing; so while turn `turno + 1` does not exist the answer stands, and one `_id` read
 * tells. When it exists, the ended turns are walked by `_id` and the headers sorted once.
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
    if (k && (await this.turnos.estado(k.turno + 1)) === 'libre') {
      if (!k.sorteoId) return null;
      const c = await this.repo.cabecera(k.sorteoId);
      // Always true while no turn passed; checked anyway, as the header is read for its state.
      if (c?.estado === 'completo' && !c.anulado) return c;
    }
    return this.recalcular(k);
  }

  /**
   * The walk comes before the sort: whatever changes after the walk has a higher turn, which the
   * next request sees taken. Not shared between requests: one that began before a change ended
   * must not answer one that began after it.
   */
  private async recalcular(k: Conocido | null): Promise<CabeceraSorteo | null> {
    let turno = k ? k.turno : await this.turnos.terminadosHasta();
    while ((await this.turnos.estado(turno + 1)) === 'terminado') turno++;
    const c = await this.repo.ultimoVigente();
    if (!this.conocido || this.conocido.turno <= turno)
      this.conocido = { turno, sorteoId: c?.id ?? null };
    return c;
  }
}
