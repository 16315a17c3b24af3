import { Injectable } from '@nestjs/common';
import {
  CONFIG_PRIORIDAD_POR_DEFECTO,
  copiarConfig,
  type ConfigPrioridadGuardada,
} from 'src/shared/dominio/config-prioridad';
import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import type { UsuarioActual } from 'src/core/auth/roles';
import { actorDe, AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { diferencias } from 'src/modules/auditoria/entrada-auditoria';
import { ConfigPrioridadRepository } from './config-prioridad.repository';

/** The complex's priority config: stored once, API.md's defaults until an admin replaces it. */
@Injectable()
export class ConfigPrioridadService {
  constructor(
    private readonly repo: ConfigPrioridadRepository,
    private readonly auditoria: AuditoriaService,
  ) {}

  async obtener(): Promise<ConfigPrioridad> {
    return (await this.repo.leer()) ?? CONFIG_PRIORIDAD_POR_DEFECTO;
  }

  /** `dto` was validated at the edge (ConfigPrioridadDto); only its known fields are kept. */
  async reemplazar(dto: ConfigPrioridadGuardada, actor: UsuarioActual): Promise<ConfigPrioridad> {
    const antes = await this.obtener();
    const config = copiarConfig(dto);
    await this.repo.guardar(config);
    // Recorded even when nothing differs: a PUT is a decision the log shows (cambios then {}).
    await this.auditoria.registrar({
      actor: actorDe(actor),
      accion: 'config.modificada',
      recurso: { tipo: 'config', id: 'prioridad' },
      cambios: diferencias({ ...antes }, { ...config }),
    });
    return config;
  }
}
