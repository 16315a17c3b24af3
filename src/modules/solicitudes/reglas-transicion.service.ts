import { Injectable } from '@nestjs/common';
import { SorteoEstadoService } from 'src/core/turnos/sorteo-estado.service';
import { ConfigPrioridadService } from 'src/modules/config-prioridad/config-prioridad.service';
import { ResidentesService } from 'src/modules/residentes/residentes.service';
import { ConflictoError, ValidacionError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { sorteoEnCurso } from 'src/shared/errors/sorteo-en-curso';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import type { PedidoTransicion } from './arbitro-transiciones.service';
import { Origen, transicionPermitida } from './maquina-estados';
import { EstadoSolicitud, SolicitudEntidad } from './solicitud.entity';

/** What the rules read besides the solicitud itself. */
export interface LecturasReglas {
  haySorteoEnCurso(): Promise<boolean>;
  /** False when the config requires residents al día and this one is not. */
  puedeAprobarse(residenteId: string): Promise<boolean>;
}

/**
 * The rules of one change of estado, in one function for every path: a PATCH runs it on each fresh
 * read the arbiter makes, a bulk approval on each solicitud it read. Only how the rules read what
 * they need differs: one request reads when asked, a bulk one reads everything once beforehand.
 */
@Injectable()
export class ReglasTransicion {
  constructor(
    private readonly config: ConfigPrioridadService,
    private readonly residentes: ResidentesService,
    private readonly sorteos: SorteoEstadoService,
  ) {}

  /** Throws the rule's error when `s` may not change as `pedido` asks. */
  async validar(
    s: SolicitudEntidad,
    pedido: PedidoTransicion,
    origen: Origen,
    lecturas: LecturasReglas,
  ): Promise<void> {
    exigirTransicion(s, pedido.estado, origen);
    if (pedido.estado === 'rechazada' && !pedido.motivo)
      throw new ValidacionError('Para rechazar una solicitud indique el motivo.');
    // What a draw reads (aprobada) and what an annulment rewrites (no_asignada) must hold still.
    const congelable = s.estado === 'aprobada' || s.estado === 'no_asignada';
    if (congelable && (await lecturas.haySorteoEnCurso())) throw sorteoEnCurso();
    if (pedido.estado === 'aprobada' && !(await lecturas.puedeAprobarse(s.residenteId))) {
      throw new ConflictoError(
        CodigoError.RESIDENTE_EN_MORA,
        'El residente no está a paz y salvo con la administración; no se puede aprobar la solicitud.',
      );
    }
  }

  /** For one change: everything read fresh when the rules ask for it. */
  lecturasAlMomento(): LecturasReglas {
    return {
      haySorteoEnCurso: () => this.sorteos.hayUnoEnCurso(),
      puedeAprobarse: async (residenteId) => {
        if (!(await this.config.obtener()).requiereAlDia) return true;
        const r = await this.residentes.buscar(residenteId, ALCANCE_TOTAL);
        return !r || r.alDia;
      },
    };
  }

  /**
   * For many changes of the residents `residenteIds`: the config and which of them are not al día
   * in one read each, up front (by `_id`: a bulk call reads its own residents, not all of them).
   * A resident outside `residenteIds` counts as al día: pass every one the changes concern.
   */
  async lecturasDeUnaVez(residenteIds: readonly string[]): Promise<LecturasReglas> {
    const { requiereAlDia } = await this.config.obtener();
    const enMora = requiereAlDia ? await this.residentes.idsEnMora(residenteIds) : null;
    let enCurso: Promise<boolean> | null = null;
    return {
      haySorteoEnCurso: () => (enCurso ??= this.sorteos.hayUnoEnCurso()),
      puedeAprobarse: (residenteId) => Promise.resolve(!enMora?.has(residenteId)),
    };
  }
}

function exigirTransicion(s: SolicitudEntidad, estado: EstadoSolicitud, origen: Origen): void {
  if (transicionPermitida(s.estado, estado, origen)) return;
  const quien =
    origen === 'residente'
      ? ' El residente solo puede cancelar sus solicitudes abiertas o en lista de espera.'
      : '';
  throw new ConflictoError(
    CodigoError.TRANSICION_INVALIDA,
    `No se puede pasar la solicitud de "${s.estado}" a "${estado}".${quien}`,
  );
}
