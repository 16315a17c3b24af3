import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SORTEO_ANUNCIADO_COMPLETADO, SORTEO_COMPLETADO } from './sorteo.events';
import { AplicacionRenunciaService } from './renuncias/aplicacion-renuncia.service';
import type { DesenlaceSorteo } from 'src/modules/solicitudes/solicitud.entity';
import type { AnulacionDecidida, TurnoRegistro } from 'src/core/turnos/turno.entity';
import { TurnosService } from 'src/core/turnos/turnos.service';
import { desenlaces } from './preparacion';
import {
  SOLICITUDES_DEL_SORTEO,
  type SolicitudesDelSorteo,
} from 'src/modules/solicitudes/solicitudes-del-sorteo.port';
import { SorteosRepository } from './sorteos.repository';
import { AplicacionConvocatoriaService } from './convocatorias/aplicacion-convocatoria.service';
import { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { entradaDeDecision } from './auditoria-de-turno';

/**
 * The two ways a draw's turn can end, each safe to repeat after a crash at any instant:
 * forward (a confirmed draw is applied from what is stored) and backward (an unconfirmed one is
 * undone). Which one applies is never a guess: it is the turn's decision document.
 */
@Injectable()
export class AplicacionSorteoService {
  private readonly logger = new Logger('Sorteo');

  constructor(
    private readonly repo: SorteosRepository,
    private readonly turnos: TurnosService,
    @Inject(SOLICITUDES_DEL_SORTEO) private readonly solicitudes: SolicitudesDelSorteo,
    private readonly convocatorias: AplicacionConvocatoriaService,
    private readonly renuncias: AplicacionRenunciaService,
    private readonly auditoria: AuditoriaService,
    private readonly eventos?: EventEmitter2,
  ) {}

  /**
   * Forward. `enMemoria` spares the re-read when the caller still holds the outcomes; a recovery
   * derives the very same list from the stored chunks.
   */
  async completar(sorteoId: string, enMemoria?: DesenlaceSorteo[]): Promise<void> {
    const c = await this.repo.cabecera(sorteoId);
    if (!c) throw new Error(`El sorteo confirmado ${sorteoId} no tiene cabecera`);
    if (c.estado !== 'completo') {
      const lista =
        enMemoria ??
        desenlaces(
          await this.repo.todos(sorteoId, 'participantes', c.bloques.participantes),
          await this.repo.todos(sorteoId, 'excluidas', c.bloques.excluidas),
        );
      await this.solicitudes.aplicarSorteo(sorteoId, c.ejecutadoPor, lista);
      await this.repo.cambiarEstado(sorteoId, 'completo');
    }
    this.eventos?.emit(SORTEO_COMPLETADO, sorteoId);
    if (c.convocatoria) {
      await this.convocatorias.alCompletarSorteo(c.convocatoria.id, sorteoId);
      this.eventos?.emit(SORTEO_ANUNCIADO_COMPLETADO, sorteoId);
    }
  }

  /**
   * Backward: nothing of an unconfirmed draw was applied, so releasing and deleting is enough. A
   * convocatoria's draw keeps the reservations (they are its close's) and drops its header, so
   * the convocatoria stays `cerrada` and may be drawn again under the same id.
   */
  async deshacer(sorteoId: string): Promise<void> {
    // A convocatoria's id is drawn by every attempt: one refused after its draw completed must
    // not touch the result.
    if ((await this.repo.cabecera(sorteoId))?.estado === 'completo') return;
    const deConvocatoria = await this.convocatorias.esDeConvocatoria(sorteoId);
    if (!deConvocatoria) await this.solicitudes.liberarReservasDeSorteo(sorteoId);
    await this.repo.borrarBloques(sorteoId);
    const c = await this.repo.cabecera(sorteoId);
    if (deConvocatoria) {
      if (c) await this.repo.borrarCabecera(sorteoId);
    } else if (c && c.estado !== 'abortado') await this.repo.cambiarEstado(sorteoId, 'abortado');
  }

  /** The header is marked first, so an annulled draw is never again offered as the previous one. */
  async completarAnulacion(a: AnulacionDecidida): Promise<void> {
    const c = await this.repo.cabecera(a.sorteoId);
    if (c && !c.anulado) {
      await this.repo.marcarAnulado(a.sorteoId, { motivo: a.motivo, por: a.por, fecha: a.fecha });
    }
    await this.solicitudes.revertirSorteo(a.sorteoId, a.por, a.motivo);
  }

  /**
   * Finishes or undoes, oldest first, the turns whose holders died. The caller holds a later turn,
   * so no live holder competes; a holder that was only slow loses the decision insert and stops.
   */
  async recuperar(turnos: readonly TurnoRegistro[]): Promise<void> {
    for (const t of turnos) {
      const d = await this.turnos.decidirPorOtro(t.numero, 'abortar');
      if (t.tipo === 'sorteo' && t.sorteoId !== null) {
        if (d.valor === 'confirmar') await this.completar(t.sorteoId);
        else await this.deshacer(t.sorteoId);
      } else if (t.tipo === 'anulacion' && d.valor === 'confirmar' && d.anulacion) {
        await this.completarAnulacion(d.anulacion);
      } else if (t.tipo === 'cierre' || t.tipo === 'cancelacion') {
        await this.convocatorias.recuperarTurno(t, d);
      } else if (t.tipo === 'renuncia') {
        await this.renuncias.recuperar(t, d);
      }
      // The change is complete: its entry, unless the holder recorded it before it died.
      const entrada = entradaDeDecision(d);
      if (entrada) await this.auditoria.registrarSiFalta(entrada);
      await this.turnos.terminarOtro(t.numero);
      const desenlace =
        t.tipo === 'recuperacion' ? 'cerrado' : d.valor === 'confirmar' ? 'completado' : 'deshecho';
      this.logger.warn(
        `Turno ${t.numero} (${t.tipo}${t.sorteoId ? ` ${t.sorteoId}` : ''}) de un proceso caído: ${desenlace}`,
      );
    }
  }
}
