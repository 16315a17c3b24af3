import { Injectable } from '@nestjs/common';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import type { Pagina } from 'src/shared/pagination/pagina';
import { SORTEO_NO_EXISTE } from '../anulacion.service';
import { SorteosRepository } from '../sorteos.repository';
import type { MovimientoGuardado } from './movimiento.entity';
import { MovimientosRepository } from './movimientos.repository';

/** Reading a result's movimientos: only of complete results, like everything else of a draw. */
@Injectable()
export class MovimientosService {
  constructor(
    private readonly sorteos: SorteosRepository,
    private readonly repo: MovimientosRepository,
  ) {}

  async pagina(id: string, page: number, limit: number): Promise<Pagina<MovimientoGuardado>> {
    await this.visible(id);
    return this.repo.pagina(id, page, limit);
  }

  /** Every movimiento of a result, `n` ascending (a handful: read whole). */
  todos(id: string): Promise<MovimientoGuardado[]> {
    return this.repo.deSorteo(id);
  }

  private async visible(id: string): Promise<void> {
    const c = await this.sorteos.cabecera(id);
    if (!c || c.estado !== 'completo') throw new NoEncontradoError(SORTEO_NO_EXISTE);
  }
}
