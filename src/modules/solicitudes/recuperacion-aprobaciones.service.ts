import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AprobacionesMasivasRepository } from './aprobaciones-masivas.repository';
import { TransicionesRepository } from './transiciones.repository';

/**
 * How long a bulk approval's request is given before its lote counts as abandoned. 1,000 approvals
 * take seconds; a recovery that finishes a live lote is still safe (every step is idempotent),
 * this only keeps the two from routinely doing the same work.
 */
export const ABANDONO_LOTE_MS = 2 * 60_000;

/**
 * Finishes bulk approvals whose request died after storing its lote: each change whose claim the
 * lote won is written (the claims are decisions already taken and reported to nobody else, as
 * when the arbiter rolls a single change forward). Runs at start-up, before every bulk approval
 * and before a draw reads the approved solicitudes, and again when a pending lote would be stale.
 */
@Injectable()
export class RecuperacionAprobaciones implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AprobacionesRecuperacion');
  private enCurso: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private cerrado = false;

  constructor(
    private readonly lotes: AprobacionesMasivasRepository,
    private readonly transiciones: TransicionesRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recuperarAbandonados().catch((err: unknown) => this.fallo(err));
  }

  onApplicationShutdown(): void {
    this.cerrado = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Concurrent calls share one attempt; a failure reaches the caller (and is retried later). */
  recuperarAbandonados(): Promise<void> {
    this.enCurso ??= this.intentar().finally(() => {
      this.enCurso = null;
    });
    return this.enCurso;
  }

  private async intentar(): Promise<void> {
    const ahora = Date.now();
    for (const lote of await this.lotes.anterioresA(new Date(ahora - ABANDONO_LOTE_MS))) {
      const reclamos = await this.transiciones.buscarVarias(lote.candidatas);
      const ganadas = new Set(
        reclamos
          .filter(
            (t) =>
              t.estado === 'aprobada' &&
              t.usuarioId === lote.usuarioId &&
              t.fecha.getTime() === lote.fecha.getTime(),
          )
          .map((t) => t.solicitudId),
      );
      await this.lotes.aplicar(lote, ganadas);
      await this.lotes.terminar(lote);
      this.logger.warn(`Aprobación masiva ${lote.id} completada: ${ganadas.size} solicitudes.`);
    }
    const pendiente = await this.lotes.masAntiguo();
    if (pendiente) this.programar(pendiente.getTime() + ABANDONO_LOTE_MS - Date.now() + 500);
  }

  private programar(ms: number): void {
    if (this.cerrado || this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.recuperarAbandonados().catch((err: unknown) => this.fallo(err));
      },
      Math.max(0, ms),
    );
    this.timer.unref();
  }

  private fallo(err: unknown): void {
    this.logger.error(`No se pudieron completar aprobaciones masivas: ${String(err)}`);
    this.programar(ABANDONO_LOTE_MS);
  }
}
