import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainError } from 'src/shared/errors/domain-error';
import { TURNO_ABANDONADO } from 'src/core/turnos/turnos.events';
import { TurnosService } from 'src/core/turnos/turnos.service';
import { AplicacionSorteoService } from './aplicacion-sorteo.service';

/**
 * Start-up recovery, and the retries that follow: whenever a turn is left open (a crash, a
 * database outage mid-draw), this takes a `recuperacion` turn once the holder is presumed dead and
 * finishes or undoes its work. Every draw and annulment does the same before its own work.
 */
@Injectable()
export class RecuperacionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SorteoRecuperacion');
  private timer: NodeJS.Timeout | null = null;
  private previsto = 0;
  private enCurso: Promise<void> | null = null;
  private cerrado = false;

  constructor(
    private readonly turnos: TurnosService,
    private readonly aplicacion: AplicacionSorteoService,
  ) {}

  /** Awaited: an instance starts serving only after dead holders' work is finished or undone. */
  async onApplicationBootstrap(): Promise<void> {
    await this.recuperarAbandonados();
  }

  onApplicationShutdown(): void {
    this.cerrado = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  @OnEvent(TURNO_ABANDONADO)
  alDetectarAbandono(): void {
    this.programar(0);
  }

  /** Schedules a recovery attempt; by default once a holder silent from now would be stale. */
  programar(ms = this.turnos.latidoTimeoutMs + 500): void {
    const cuando = Date.now() + ms;
    if (this.cerrado || (this.timer && this.previsto <= cuando)) return;
    if (this.timer) clearTimeout(this.timer);
    this.previsto = cuando;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.recuperarAbandonados();
    }, ms);
    this.timer.unref();
  }

  /** Never throws: a failure schedules another attempt. Concurrent calls share one attempt. */
  recuperarAbandonados(): Promise<void> {
    this.enCurso ??= this.intentar().finally(() => {
      this.enCurso = null;
    });
    return this.enCurso;
  }

  private async intentar(): Promise<void> {
    try {
      const pendientes = await this.turnos.pendientes();
      if (pendientes.length === 0) return;
      const vivo = pendientes.find((t) => this.turnos.vivo(t));
      if (vivo) {
        // A live holder finishes its own work; look again when it would be presumed dead.
        const restante = vivo.latido.getTime() + this.turnos.latidoTimeoutMs - Date.now();
        this.programar(Math.max(0, restante) + 500);
        return;
      }
      const turno = await this.turnos.adquirir('recuperacion', null);
      try {
        await this.aplicacion.recuperar(turno.previos);
        await turno.terminar();
      } catch (err) {
        turno.soltar();
        throw err;
      }
    } catch (err) {
      if (err instanceof DomainError) {
        // Someone else took the turn: they recover first. Check again later all the same.
        this.programar();
        return;
      }
      this.logger.error(`Recuperación del sorteo fallida; se reintentará: ${String(err)}`);
      this.programar();
    }
  }
}
