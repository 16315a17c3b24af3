import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ConfigPrioridadService } from 'src/modules/config-prioridad/config-prioridad.service';
import { ResidentesService } from 'src/modules/residentes/residentes.service';
import type { SolicitudParaSorteo } from 'src/modules/solicitudes/solicitud.entity';
import {
  SOLICITUDES_DEL_SORTEO,
  type SolicitudesDelSorteo,
} from 'src/modules/solicitudes/solicitudes-del-sorteo.port';
import type { TurnoEnCurso } from 'src/core/turnos/turnos.service';
import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import type { Cronometro } from 'src/shared/utils/cronometro';
import { clasificar, perdedores, type Clasificacion } from './preparacion';
import { sorteoAjustes } from './sorteo-ajustes.config';
import { sinParticipantes } from './sorteo.errors';
import { SorteosRepository } from './sorteos.repository';

export interface InsumosReunidos extends Clasificacion {
  config: ConfigPrioridad;
}

/**
 * The inputs of a draw, gathered under a turn: the config, the residents' attributes, the losers of
 * the previous draw, and the approved solicitudes, each reserved as it is read (an insert per
 * solicitud, so a racing cancellation either wins before and stays out, or loses and gets 409).
 * An immediate draw and a convocatoria's close gather them here, the same way.
 */
@Injectable()
export class InsumosDelSorteoService {
  constructor(
    private readonly repo: SorteosRepository,
    private readonly config: ConfigPrioridadService,
    private readonly residentes: ResidentesService,
    @Inject(SOLICITUDES_DEL_SORTEO) private readonly solicitudes: SolicitudesDelSorteo,
    @Inject(sorteoAjustes.KEY) private readonly ajustes: ConfigType<typeof sorteoAjustes>,
  ) {}

  /**
   * Attributes at `t`. The reservations name `sorteoId` (and `convocatoriaId` for a close). 409
   * SIN_PARTICIPANTES when no solicitud is approved.
   */
  async reunir(
    turno: TurnoEnCurso,
    sorteoId: string,
    t: Date,
    crono: Cronometro,
    convocatoriaId?: string,
  ): Promise<InsumosReunidos> {
    const [config, residentes, previos] = await Promise.all([
      this.config.obtener(),
      this.residentes.atributosParaSorteo(),
      this.perdedoresDelAnterior(),
    ]);
    crono.marca('leer');
    const candidatos = await this.reservar(turno, sorteoId, convocatoriaId);
    crono.marca('reservar');
    if (candidatos.length === 0) throw sinParticipantes();
    return { config, ...clasificar(candidatos, residentes, config, t, previos) };
  }

  /** Reads approved solicitudes in batches and reserves each batch as it comes. */
  private async reservar(
    turno: TurnoEnCurso,
    sorteoId: string,
    convocatoriaId?: string,
  ): Promise<SolicitudParaSorteo[]> {
    const reservadas: SolicitudParaSorteo[] = [];
    for await (const bloque of this.solicitudes.aprobadasParaSorteo(
      this.ajustes.participantesPorBloque,
    )) {
      turno.vigente();
      if (bloque.length === 0) continue;
      const ganadas = await this.solicitudes.reservarParaSorteo(
        sorteoId,
        bloque.map((s) => ({ id: s.id, version: s.version })),
        convocatoriaId,
      );
      for (const s of bloque) if (ganadas.has(s.id)) reservadas.push(s);
    }
    return reservadas;
  }

  /** Units that lost in the most recent earlier non-annulled draw (we hold the turn: it is fixed). */
  private async perdedoresDelAnterior(): Promise<Set<string>> {
    const claves = new Set<string>();
    const anterior = await this.repo.ultimoVigente();
    if (!anterior) return claves;
    for await (const bloque of this.repo.recorrer(
      anterior.id,
      'participantes',
      anterior.bloques.participantes,
    )) {
      perdedores(bloque, claves);
    }
    return claves;
  }
}
