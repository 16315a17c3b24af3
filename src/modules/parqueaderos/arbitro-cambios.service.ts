import { Injectable } from '@nestjs/common';
import { setTimeout as pausa } from 'node:timers/promises';
import { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import { CambiosParqueaderoRepository } from './cambios-parqueadero.repository';
import { ParqueaderoEntidad } from './parqueadero.entity';
import { ParqueaderosRepository } from './parqueaderos.repository';
import { DecisionParqueadero, parqueaderoModificado, soloDistintos } from './reglas-parqueadero';

/** Versions one write may try to claim before giving up with 409 PARQUEADERO_MODIFICADO. */
const INTENTOS = 20;

/** How long a loser waits for the winner's write to show: a claim and one write by _id. */
const ESPERA_MS = 5;
const ESPERAS = 400;

/**
 * Every write to a spot goes through here, the same protocol as the residents' arbiter
 * (residentes/arbitro-cambios.service.ts): FerretDB rewrites the whole document an update read,
 * so two updates of different fields in flight on one spot could erase each other. Each write
 * inserts the claim for the next version (a unique key) and only the winner writes; a loser
 * waits until the winner's version shows, then decides again on that read. A claim left long ago
 * by a writer that died is rolled forward by the next one (the claim carries its fields).
 */
@Injectable()
export class ArbitroCambiosParqueadero {
  constructor(
    private readonly repo: ParqueaderosRepository,
    private readonly cambios: CambiosParqueaderoRepository,
    private readonly saneador: SaneadorReclamos,
  ) {}

  /** `leido`, when the caller has just read the spot, saves the first read. */
  async cambiar(
    id: string,
    decidir: DecisionParqueadero,
    leido?: ParqueaderoEntidad,
  ): Promise<ParqueaderoEntidad> {
    let p = leido ?? (await this.leer(id));
    for (let intento = 0; intento < INTENTOS; intento++) {
      const cambios = soloDistintos(p, decidir(p));
      if (Object.keys(cambios).length === 0) return p;
      const version = p.version + 1;
      if (await this.cambios.reclamar({ parqueaderoId: id, version, cambios, fecha: new Date() })) {
        await this.repo.aplicarVersion(id, p.version, cambios);
        return this.leer(id);
      }
      const ganador = await this.cambios.buscar(id, version);
      if (ganador && !this.saneador.reciente(ganador.fecha))
        await this.repo.aplicarVersion(id, p.version, ganador.cambios);
      p = await this.esperarVersion(id, version);
    }
    throw parqueaderoModificado();
  }

  private async esperarVersion(id: string, version: number): Promise<ParqueaderoEntidad> {
    for (let i = 0; i < ESPERAS; i++) {
      const p = await this.leer(id);
      if (p.version >= version) return p;
      await pausa(ESPERA_MS);
    }
    throw parqueaderoModificado();
  }

  private async leer(id: string): Promise<ParqueaderoEntidad> {
    const p = await this.repo.buscar(id);
    if (!p) throw new NoEncontradoError('El parqueadero');
    return p;
  }
}
