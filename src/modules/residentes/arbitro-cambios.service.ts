import { Injectable } from '@nestjs/common';
import { setTimeout as pausa } from 'node:timers/promises';
import { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { CambiosResidenteRepository } from './cambios-residente.repository';
import { Decision, residenteModificado, soloDistintos } from './decision-cambios';
import { ResidenteEntidad } from './residente.entity';
import { ResidentesRepository } from './residentes.repository';

/**
 * Versions one write may try to claim. Each lost one is another writer's change, and a flood of
 * them (a resident re-sending a form) must not starve an admin's change to another field.
 */
const INTENTOS = 20;

/** How long a loser waits for the winner's write to show: a claim and one write by _id. */
const ESPERA_MS = 5;
const ESPERAS = 400;

/**
 * Every write to a resident goes through here, so no writer can erase another's change, on any
 * engine. Each write inserts the claim for the next version (a unique key) and only the winner
 * writes; a loser waits until the winner's version shows, then decides again on that read.
 *
 * Nobody else writes a version while its winner may still be at work: FerretDB rewrites the whole
 * document an update read, so two updates in flight on one resident could erase each other, and
 * a writer that reads version n knows the update that wrote n is over. Only a claim left long ago
 * by a writer that died is rolled forward by someone else (the claim carries its fields).
 */
@Injectable()
export class ArbitroCambiosResidente {
  constructor(
    private readonly repo: ResidentesRepository,
    private readonly cambios: CambiosResidenteRepository,
    private readonly saneador: SaneadorReclamos,
  ) {}

  async cambiar(
    id: string,
    decidir: Decision,
    usuarioId: string | null,
  ): Promise<ResidenteEntidad> {
    let r = await this.leer(id);
    for (let intento = 0; intento < INTENTOS; intento++) {
      const cambios = soloDistintos(r, decidir(r) ?? {});
      if (Object.keys(cambios).length === 0) return r;
      const version = r.version + 1;
      const reclamo = { residenteId: id, version, cambios, usuarioId, fecha: new Date() };
      if (await this.cambios.reclamar(reclamo)) {
        await this.repo.aplicarVersion(id, r.version, cambios);
        return this.leer(id);
      }
      const ganador = await this.cambios.buscar(id, version);
      if (ganador && !this.saneador.reciente(ganador.fecha))
        await this.repo.aplicarVersion(id, r.version, ganador.cambios);
      r = await this.esperarVersion(id, version);
    }
    throw residenteModificado();
  }

  /** The resident once its version reaches `version`; a winner that takes too long is a 409. */
  private async esperarVersion(id: string, version: number): Promise<ResidenteEntidad> {
    for (let i = 0; i < ESPERAS; i++) {
      const r = await this.leer(id);
      if (r.version >= version) return r;
      await pausa(ESPERA_MS);
    }
    throw residenteModificado();
  }

  private async leer(id: string): Promise<ResidenteEntidad> {
    const r = await this.repo.buscar(id, ALCANCE_TOTAL);
    if (!r) throw new NoEncontradoError('El residente');
    return r;
  }
}
