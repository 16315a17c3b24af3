import { Injectable } from '@nestjs/common';
import { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import {
  cambiarPorVersion,
  type PuertosVersion,
} from 'src/core/database/versiones/cambio-por-version';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import { CambiosParqueaderoRepository } from './cambios-parqueadero.repository';
import { CambiosParqueadero, ParqueaderoEntidad } from './parqueadero.entity';
import { ParqueaderosRepository } from './parqueaderos.repository';
import { DecisionParqueadero, parqueaderoModificado, soloDistintos } from './reglas-parqueadero';

/**
 * Every write to a spot (PATCH, DELETE, an import's update) goes through here: a claim on
 * `parqueaderoId:version+1` decides who writes each version, the protocol residents use too
 * (`cambiarPorVersion`). Without it two PATCHes of different fields could erase each other on
 * FerretDB, and a `tipo: moto` and a `discapacidad: true` sent at once could leave a reserved moto
 * spot: the loser decides again on the winner's result.
 */
@Injectable()
export class ArbitroCambiosParqueadero {
  private readonly puertos: PuertosVersion<ParqueaderoEntidad, CambiosParqueadero>;

  constructor(
    repo: ParqueaderosRepository,
    cambios: CambiosParqueaderoRepository,
    saneador: SaneadorReclamos,
  ) {
    const leer = async (id: string): Promise<ParqueaderoEntidad> => {
      const p = await repo.buscar(id);
      if (!p) throw new NoEncontradoError('El parqueadero');
      return p;
    };
    this.puertos = {
      leer,
      reclamar: (id, version, c) =>
        cambios.reclamar({ parqueaderoId: id, version, cambios: c, fecha: new Date() }),
      reclamoDe: (id, version) => cambios.buscar(id, version),
      aplicar: (id, version, c) => repo.aplicarVersion(id, version, c),
      soloDistintos,
      reciente: (fecha) => saneador.reciente(fecha),
      modificado: parqueaderoModificado,
    };
  }

  /** `leido`, when the caller has just read the spot, saves the first read. */
  cambiar(
    id: string,
    decidir: DecisionParqueadero,
    leido?: ParqueaderoEntidad,
  ): Promise<ParqueaderoEntidad> {
    return cambiarPorVersion(this.puertos, id, decidir, leido);
  }
}
