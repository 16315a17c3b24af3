import { Injectable } from '@nestjs/common';
import {
  CONFIG_PRIORIDAD_POR_DEFECTO,
  copiarConfig,
  type ConfigPrioridadGuardada,
} from 'src/shared/dominio/config-prioridad';
import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import { ConfigPrioridadRepository } from './config-prioridad.repository';

/** The complex's priority config: stored once, API.md's defaults until an admin replaces it. */
@Injectable()
export class ConfigPrioridadService {
  constructor(private readonly repo: ConfigPrioridadRepository) {}

  async obtener(): Promise<ConfigPrioridad> {
    return (await this.repo.leer()) ?? CONFIG_PRIORIDAD_POR_DEFECTO;
  }

  /** `dto` was validated at the edge (ConfigPrioridadDto); only its known fields are kept. */
  async reemplazar(dto: ConfigPrioridadGuardada): Promise<ConfigPrioridad> {
    const config = copiarConfig(dto);
    await this.repo.guardar(config);
    return config;
  }
}
