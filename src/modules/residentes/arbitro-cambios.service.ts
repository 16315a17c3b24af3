import { Injectable } from '@nestjs/common';
import { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import {
  cambiarPorVersion,
  type PuertosVersion,
} from 'src/core/database/versiones/cambio-por-version';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { CambiosResidenteRepository } from './cambios-residente.repository';
import { Decision, residenteModificado, soloDistintos } from './decision-cambios';
import { CambiosResidente, ResidenteEntidad } from './residente.entity';
import { ResidentesRepository } from './residentes.repository';

/**
 * Every write to a resident goes through here: a claim on `residenteId:version+1` decides who
 * writes each version (the protocol is `cambiarPorVersion`, shared with the spots). The claim also
 * records who made the change.
 */
@Injectable()
export class ArbitroCambiosResidente {
  constructor(
    private readonly repo: ResidentesRepository,
    private readonly cambios: CambiosResidenteRepository,
    private readonly saneador: SaneadorReclamos,
  ) {}

  cambiar(id: string, decidir: Decision, usuarioId: string | null): Promise<ResidenteEntidad> {
    const puertos: PuertosVersion<ResidenteEntidad, CambiosResidente> = {
      leer: (i) => this.leer(i),
      reclamar: (i, version, cambios) =>
        this.cambios.reclamar({ residenteId: i, version, cambios, usuarioId, fecha: new Date() }),
      reclamoDe: (i, version) => this.cambios.buscar(i, version),
      aplicar: (i, version, cambios) => this.repo.aplicarVersion(i, version, cambios),
      soloDistintos,
      reciente: (fecha) => this.saneador.reciente(fecha),
      modificado: () => residenteModificado(),
    };
    return cambiarPorVersion(puertos, id, decidir);
  }

  private async leer(id: string): Promise<ResidenteEntidad> {
    const r = await this.repo.buscar(id, ALCANCE_TOTAL);
    if (!r) throw new NoEncontradoError('El residente');
    return r;
  }
}
