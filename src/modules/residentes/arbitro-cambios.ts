import { Injectable } from '@nestjs/common';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { CambiosResidenteRepository } from './cambios-residente.repository';
import { Decision, residenteModificado } from './decision-cambios';
import { ResidenteEntidad } from './residente.entity';
import { ResidentesRepository } from './residentes.repository';

/**
 * Fresh reads per write at most: each lost race means another writer's change got in, and a
 * flood of them (a resident re-sending a form) must not starve an admin's change to another field.
 */
const INTENTOS = 10;

/**
 * Every write to a resident goes through here, so no writer can erase another's change, on any
 * engine (FerretDB rewrites the whole document an update read). Each write inserts the claim for
 * the next version (a unique key) and only the winner writes; a loser rolls the winner's change
 * forward (harmless if the winner is alive, healing if it died) and decides again on a fresh read.
 */
@Injectable()
export class ArbitroCambiosResidente {
  constructor(
    private readonly repo: ResidentesRepository,
    private readonly cambios: CambiosResidenteRepository,
  ) {}

  async cambiar(
    id: string,
    decidir: Decision,
    usuarioId: string | null,
  ): Promise<ResidenteEntidad> {
    for (let intento = 0; intento < INTENTOS; intento++) {
      const r = await this.repo.buscar(id, ALCANCE_TOTAL);
      if (!r) throw new NoEncontradoError('El residente');
      const cambios = decidir(r);
      if (!cambios || Object.keys(cambios).length === 0) return r;
      const version = r.version + 1;
      const reclamo = { residenteId: id, version, cambios, usuarioId, fecha: new Date() };
      if (await this.cambios.reclamar(reclamo)) {
        await this.repo.aplicarVersion(id, r.version, cambios);
        return (await this.repo.buscar(id, ALCANCE_TOTAL)) ?? r;
      }
      const ganador = await this.cambios.buscar(id, version);
      if (ganador) await this.repo.aplicarVersion(id, r.version, ganador.cambios);
    }
    throw residenteModificado();
  }
}
