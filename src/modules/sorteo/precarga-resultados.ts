import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ResultadosEnMemoria } from './resultados-en-memoria';
import { SORTEO_COMPLETADO } from './sorteo.events';
import { UltimoVigente } from './ultimo-vigente';

/**
 * The results day: the latest draw decoded before the first resident asks. Otherwise the first
 * fifty residents of an instance all wait for one read of the whole result (5.7 s at 10,000
 * participants on FerretDB-SQLite, bench/README.md). At start-up, awaited like the recovery, so an
 * instance serves with it in memory; and in the instance that completes a draw, as soon as it
 * does. Only results that fit the cache (ResultadosEnMemoria.cabe); a failure only costs the
 * first reader the wait.
 */
@Injectable()
export class PrecargaResultados implements OnApplicationBootstrap {
  private readonly logger = new Logger('PrecargaResultados');

  constructor(
    private readonly vigente: UltimoVigente,
    private readonly memoria: ResultadosEnMemoria,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.precargar();
  }

  @OnEvent(SORTEO_COMPLETADO)
  alCompletarSorteo(): void {
    void this.precargar();
  }

  private async precargar(): Promise<void> {
    try {
      const c = await this.vigente.cabecera();
      if (c && this.memoria.cabe(c)) await this.memoria.ahora(c);
    } catch (err) {
      this.logger.warn(`Resultado vigente no precargado: ${String(err)}`);
    }
  }
}
