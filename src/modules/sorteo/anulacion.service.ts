import { Injectable } from '@nestjs/common';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import { TurnoEnCurso, TurnosService } from 'src/core/turnos/turnos.service';
import { AplicacionSorteoService } from './aplicacion-sorteo.service';
import { RecuperacionService } from './recuperacion.service';
import { RelojSorteo } from './reloj-sorteo';
import type { CabeceraSorteo } from './resultado.entity';
import { sorteoNoAnulable } from './sorteo.errors';
import { turnoPerdido } from 'src/shared/errors/sorteo-en-curso';
import { SorteosRepository } from './sorteos.repository';
import { auditoriaDeDecision, entradaConfirmada } from './auditoria-de-turno';
import { AuditoriaService } from 'src/modules/auditoria/auditoria.service';

export const SORTEO_NO_EXISTE = 'El sorteo';

/**
 * POST /sorteo/resultados/:id/anular. Takes a turn like a draw (so annulments and draws are
 * ordered), checks the target is the latest non-annulled draw, then commits by inserting the turn's
 * decision with the annulment's data; from there it is completed even across a crash.
 */
@Injectable()
export class AnulacionService {
  constructor(
    private readonly turnos: TurnosService,
    private readonly aplicacion: AplicacionSorteoService,
    private readonly recuperacion: RecuperacionService,
    private readonly repo: SorteosRepository,
    private readonly reloj: RelojSorteo,
    private readonly auditoria: AuditoriaService,
  ) {}

  async anular(sorteoId: string, motivo: string, usuarioId: string): Promise<CabeceraSorteo> {
    const turno = await this.turnos.adquirir('anulacion', sorteoId);
    let confirmado = false;
    try {
      await this.aplicacion.recuperar(turno.previos);
      const cabecera = await this.repo.cabecera(sorteoId);
      if (!cabecera || cabecera.estado !== 'completo')
        throw new NoEncontradoError(SORTEO_NO_EXISTE);
      const vigente = await this.repo.ultimoVigente();
      if (cabecera.anulado || vigente?.id !== sorteoId) throw sorteoNoAnulable();
      turno.vigente();
      const fecha = this.reloj.ahora();
      const anulacion = { sorteoId, motivo, por: usuarioId, fecha };
      const decision = await turno.decidir('confirmar', {
        anulacion,
        auditoria: auditoriaDeDecision({
          actor: { id: usuarioId, rol: 'admin' },
          accion: 'sorteo.anulado',
          recurso: { tipo: 'sorteo', id: sorteoId },
          fecha,
          cambios: { anulado: { antes: null, despues: { motivo, por: usuarioId, fecha } } },
        }),
      });
      if (decision.valor !== 'confirmar' || !decision.anulacion) throw turnoPerdido();
      confirmado = true;
      await this.aplicacion.completarAnulacion(decision.anulacion);
      // Before the turn ends: a crash in between leaves the turn to a recovery, which records it.
      await this.auditoria.registrar(entradaConfirmada(decision));
      await turno.terminar();
      return { ...cabecera, anulado: { motivo, por: usuarioId, fecha } };
    } catch (err) {
      await this.alFallar(turno, confirmado);
      throw err;
    }
  }

  private alFallar(turno: TurnoEnCurso, confirmado: boolean): Promise<void> {
    return turno.cerrarTrasFallo(
      confirmado,
      async (d) => {
        if (d.valor === 'confirmar' && d.anulacion)
          await this.aplicacion.completarAnulacion(d.anulacion);
      },
      () => this.recuperacion.programar(),
    );
  }
}
