import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import type { CancelacionDecidida, Decision, TurnoRegistro } from 'src/core/turnos/turno.entity';
import {
  SOLICITUDES_DEL_SORTEO,
  type SolicitudesDelSorteo,
} from 'src/modules/solicitudes/solicitudes-del-sorteo.port';
import { CONVOCATORIA_CERRADA } from '../sorteo.events';
import type { Convocatoria } from './convocatoria.entity';
import { ConvocatoriasRepository } from './convocatorias.repository';

/** "One convocatoria abierta or cerrada at a time": this key, owned by that convocatoria's id. */
export const CLAVE_ACTIVA = 'convocatoria:activa';

/**
 * How a convocatoria's close, cancellation and draw end, each safe to repeat after a crash at any
 * instant. Which way a turn ends is never a guess: it is the turn's decision document.
 */
@Injectable()
export class AplicacionConvocatoriaService {
  constructor(
    private readonly repo: ConvocatoriasRepository,
    private readonly reclamos: ReclamosRepository,
    @Inject(SOLICITUDES_DEL_SORTEO) private readonly solicitudes: SolicitudesDelSorteo,
    private readonly eventos: EventEmitter2,
  ) {}

  /** A dead holder's `cierre` or `cancelacion` turn, already sealed with decision `d`. */
  async recuperarTurno(t: TurnoRegistro, d: Decision): Promise<void> {
    if (t.tipo === 'cancelacion') {
      if (d.valor === 'confirmar' && d.cancelacion) await this.completarCancelacion(d.cancelacion);
      return;
    }
    const c = t.sorteoId ? await this.repo.porIdSorteo(t.sorteoId) : null;
    if (!c) return;
    if (d.valor === 'confirmar') await this.completarCierre(c.id);
    else await this.deshacerCierre(c);
  }

  /** Forward: the pending record becomes the header's published fields. */
  async completarCierre(convocatoriaId: string): Promise<void> {
    const c = await this.repo.buscar(convocatoriaId);
    if (!c || c.estado !== 'abierta') return;
    const publicado = await this.repo.cierrePendiente(convocatoriaId);
    if (!publicado) throw new Error(`El cierre confirmado de ${convocatoriaId} no tiene registro`);
    await this.repo.publicarCierre(convocatoriaId, publicado);
    // Not awaited by the listener: the e-mails are enqueued in the background, chunk by chunk.
    this.eventos.emit(CONVOCATORIA_CERRADA, convocatoriaId);
  }

  /**
   * Backward: nothing was published, so releasing the reservations and deleting what the close
   * stored is enough. Never on a convocatoria that got to `cerrada` (its close was confirmed).
   */
  async deshacerCierre(c: Convocatoria): Promise<void> {
    const actual = await this.repo.buscar(c.id);
    if (actual && actual.estado !== 'abierta') return;
    await this.solicitudes.liberarReservasDeSorteo(c.idSorteo);
    await this.repo.borrarBloques(c.id);
    await this.repo.borrarSecreto(c.id);
    await this.repo.borrarCierrePendiente(c.id);
  }

  /** Participants never left `aprobada`: releasing their reservation claims frees them. */
  async completarCancelacion(d: CancelacionDecidida): Promise<void> {
    const c = await this.repo.buscar(d.convocatoriaId);
    if (!c) return;
    // Only a closed one holds reservations (an undone close released its own); before the mark,
    // so a crash in between repeats the release.
    if (c.cierre) await this.solicitudes.liberarReservasDeSorteo(c.idSorteo);
    if (c.estado !== 'cancelada') {
      await this.repo.marcarCancelada(c.id, { motivo: d.motivo, por: d.por, fecha: d.fecha });
    }
    await this.reclamos.liberar([CLAVE_ACTIVA], c.id);
  }

  /** A convocatoria's draw completed: `ejecutada` with its result, and the next one may open. */
  async alCompletarSorteo(convocatoriaId: string, sorteoId: string): Promise<void> {
    const c = await this.repo.buscar(convocatoriaId);
    if (!c) return;
    if (c.estado !== 'ejecutada') await this.repo.marcarEjecutada(c.id, sorteoId);
    await this.reclamos.liberar([CLAVE_ACTIVA], c.id);
  }

  /** Whether this draw id is a convocatoria's: undoing its draw must keep the reservations. */
  async esDeConvocatoria(sorteoId: string): Promise<boolean> {
    return (await this.repo.porIdSorteo(sorteoId)) !== null;
  }
}
