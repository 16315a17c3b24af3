import { Injectable } from '@nestjs/common';
import { ResidentesService } from 'src/modules/residentes/residentes.service';
import { RenunciasDeSolicitudesService } from 'src/modules/solicitudes/renuncias-de-solicitudes.service';
import type { SolicitudEntidad } from 'src/modules/solicitudes/solicitud.entity';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import {
  type Evaluado,
  OMISION_EN_MORA,
  OMISION_FUERA_DE_LISTA,
  OMISION_INACTIVO,
  type ParticipanteEnLista,
} from '../core/movimientos';
import { candidatoOcupado } from './renuncias.errors';

/** Candidates read per round: a long waiting list is never read whole to promote one person. */
const POR_TANDA = 20;
/** Times one candidate's claim may be lost to a concurrent change before the renuncia gives up. */
const INTENTOS_RESERVA = 5;

export interface Promocion {
  evaluados: Evaluado[];
  /** The promoted solicitud as read when its reservation was won; null: nobody was eligible. */
  promovida: SolicitudEntidad | null;
}

/**
 * Walks a freed spot's candidates in order, reading their solicitudes and residents a few at a
 * time, until one is eligible and its solicitud is reserved for the renuncia (SORTEO.md).
 */
@Injectable()
export class ListaDeEspera {
  constructor(
    private readonly solicitudes: RenunciasDeSolicitudesService,
    private readonly residentes: ResidentesService,
  ) {}

  async promover(
    sorteoId: string,
    candidatos: readonly ParticipanteEnLista[],
    requiereAlDia: boolean,
    etiqueta: string,
  ): Promise<Promocion> {
    const evaluados: Evaluado[] = [];
    for (let desde = 0; desde < candidatos.length; desde += POR_TANDA) {
      const tanda = candidatos.slice(desde, desde + POR_TANDA).map((c) => c.solicitudId);
      const leidas = await this.solicitudes.buscarVarias(tanda);
      for (const id of tanda) {
        const promovida = await this.evaluar(
          id,
          leidas.get(id) ?? null,
          sorteoId,
          requiereAlDia,
          etiqueta,
        );
        if (typeof promovida === 'string') {
          evaluados.push({ solicitudId: id, omision: promovida });
          continue;
        }
        evaluados.push({ solicitudId: id, omision: null });
        return { evaluados, promovida };
      }
    }
    return { evaluados, promovida: null };
  }

  /** The omision's motivo, or the solicitud reserved for the promotion. */
  private async evaluar(
    id: string,
    leida: SolicitudEntidad | null,
    sorteoId: string,
    requiereAlDia: boolean,
    etiqueta: string,
  ): Promise<string | SolicitudEntidad> {
    let s = leida;
    for (let intento = 0; intento < INTENTOS_RESERVA; intento++) {
      if (!s || s.estado !== 'no_asignada' || s.sorteoId !== sorteoId)
        return OMISION_FUERA_DE_LISTA;
      const r = await this.residentes.buscar(s.residenteId, ALCANCE_TOTAL);
      if (!r || !r.activo) return OMISION_INACTIVO;
      if (requiereAlDia && !r.alDia) return OMISION_EN_MORA;
      if (await this.solicitudes.reservar(s.id, s.version, etiqueta)) return s;
      // Someone changed it at this very instant (leaving the list, most likely): read it again.
      await new Promise((res) => setTimeout(res, 20 + Math.random() * 80));
      s = await this.solicitudes.buscar(id);
    }
    throw candidatoOcupado();
  }
}
