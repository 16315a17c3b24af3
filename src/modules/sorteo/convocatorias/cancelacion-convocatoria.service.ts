import { auditoriaDeDecision, entradaConfirmada } from '../auditoria-de-turno';
import { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { Injectable } from '@nestjs/common';
import { TurnoEnCurso, TurnosService } from 'src/core/turnos/turnos.service';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import { turnoPerdido } from 'src/shared/errors/sorteo-en-curso';
import { AplicacionSorteoService } from '../aplicacion-sorteo.service';
import { RecuperacionService } from '../recuperacion.service';
import { RelojSorteo } from '../reloj-sorteo';
import { AplicacionConvocatoriaService } from './aplicacion-convocatoria.service';
import type { Convocatoria } from './convocatoria.entity';
import { CONVOCATORIA_NO_EXISTE, convocatoriaFinalizada } from './convocatorias.errors';
import { ConvocatoriasRepository } from './convocatorias.repository';

/**
 * POST /sorteo/convocatorias/:id/cancelar, from `abierta` or `cerrada`. Under a turn (so it never
 * interleaves with a close or the draw); the decision carries the cancellation, so once inserted
 * it is finished even across a crash: reservations released (participants were `aprobada` all
 * along), the header marked, the "one active convocatoria" claim released.
 */
@Injectable()
export class CancelacionConvocatoriaService {
  constructor(
    private readonly turnos: TurnosService,
    private readonly aplicacion: AplicacionSorteoService,
    private readonly recuperacion: RecuperacionService,
    private readonly repo: ConvocatoriasRepository,
    private readonly convocatorias: AplicacionConvocatoriaService,
    private readonly reloj: RelojSorteo,
    private readonly auditoria: AuditoriaService,
  ) {}

  async cancelar(id: string, motivo: string, usuarioId: string): Promise<Convocatoria> {
    const previa = await this.repo.buscar(id);
    if (!previa) throw new NoEncontradoError(CONVOCATORIA_NO_EXISTE);
    const turno = await this.turnos.adquirir('cancelacion', previa.idSorteo);
    let confirmado = false;
    try {
      await this.aplicacion.recuperar(turno.previos);
      const c = await this.repo.buscar(id);
      if (!c) throw new NoEncontradoError(CONVOCATORIA_NO_EXISTE);
      if (c.estado !== 'abierta' && c.estado !== 'cerrada') throw convocatoriaFinalizada(c.estado);
      turno.vigente();
      const fecha = this.reloj.ahora();
      const cancelacion = { convocatoriaId: id, motivo, por: usuarioId, fecha };
      const d = await turno.decidir('confirmar', {
        cancelacion,
        auditoria: auditoriaDeDecision({
          actor: { id: usuarioId, rol: 'admin' },
          accion: 'convocatoria.cancelada',
          recurso: { tipo: 'convocatoria', id },
          fecha,
          cambios: {
            estado: { antes: c.estado, despues: 'cancelada' },
            cancelada: { antes: null, despues: { motivo, por: usuarioId, fecha } },
          },
        }),
      });
      if (d.valor !== 'confirmar' || !d.cancelacion) throw turnoPerdido();
      confirmado = true;
      await this.convocatorias.completarCancelacion(d.cancelacion);
      // Before the turn ends: a crash in between leaves the turn to a recovery, which records it.
      await this.auditoria.registrar(entradaConfirmada(d));
      await turno.terminar();
      return { ...c, estado: 'cancelada', cancelada: { motivo, por: usuarioId, fecha } };
    } catch (err) {
      await this.alFallar(turno, confirmado);
      throw err;
    }
  }

  private alFallar(turno: TurnoEnCurso, confirmado: boolean): Promise<void> {
    return turno.cerrarTrasFallo(
      confirmado,
      async (d) => {
        if (d.valor === 'confirmar' && d.cancelacion)
          await this.convocatorias.completarCancelacion(d.cancelacion);
      },
      () => this.recuperacion.programar(),
    );
  }
}
