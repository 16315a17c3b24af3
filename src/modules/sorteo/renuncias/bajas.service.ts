import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  RESIDENTE_DESACTIVADO,
  type ResidenteDesactivadoEvento,
} from 'src/modules/residentes/residentes.events';
import { ResidentesService } from 'src/modules/residentes/residentes.service';
import { ConflictoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { reproducir } from '../core/movimientos';
import { SORTEO_ANUNCIADO_COMPLETADO } from '../sorteo.events';
import { SorteosRepository } from '../sorteos.repository';
import { MovimientosRepository } from './movimientos.repository';
import { RenunciasService } from './renuncias.service';

/**
 * A resident given de baja who holds a spot in the latest draw renounces it (motivo BAJA), so the
 * spot goes down the waiting list at once. The residents module announces the baja with an event;
 * an event is lost if the process dies right after the baja, so every start-up also renounces the
 * spots that inactive residents still hold, and so does every announced draw (its participants were
 * frozen at the close, before a later baja).
 */
@Injectable()
export class BajasService implements OnApplicationBootstrap {
  private readonly logger = new Logger('SorteoBajas');

  constructor(
    private readonly sorteos: SorteosRepository,
    private readonly movimientos: MovimientosRepository,
    private readonly residentes: ResidentesService,
    private readonly renuncias: RenunciasService,
  ) {}

  /** Awaited by the baja's request; a failure is logged, never fails the baja (start-up retries). */
  @OnEvent(RESIDENTE_DESACTIVADO, { promisify: true, suppressErrors: false })
  async alDarDeBaja(e: ResidenteDesactivadoEvento): Promise<void> {
    await this.renunciarDe((id) => id === e.residenteId, e.usuarioId).catch((err: unknown) =>
      this.logger.warn(
        `No se liberó el parqueadero del residente ${e.residenteId} dado de baja: ${String(err)}`,
      ),
    );
  }

  /** In the background: serving need not wait for it, and the next start-up tries again. */
  onApplicationBootstrap(): void {
    this.barrerEnSegundoPlano();
  }

  /**
   * Not awaited: the draw that emits this still holds the turn a renuncia needs; the renuncias
   * wait for it to end.
   */
  @OnEvent(SORTEO_ANUNCIADO_COMPLETADO)
  alCompletarSorteoAnunciado(): void {
    this.barrerEnSegundoPlano();
  }

  private barrerEnSegundoPlano(): void {
    void this.barrer().catch((err: unknown) =>
      this.logger.warn(`Barrido de bajas con parqueadero fallido: ${String(err)}`),
    );
  }

  private async barrer(): Promise<void> {
    const atributos = await this.residentes.atributosParaSorteo();
    await this.renunciarDe((id) => atributos.get(id)?.activo === false, null);
  }

  private async renunciarDe(quien: (residenteId: string) => boolean, usuarioId: string | null) {
    const c = await this.sorteos.ultimoVigente();
    if (!c) return;
    const participantes = await this.sorteos.todos(c.id, 'participantes', c.bloques.participantes);
    const t = reproducir(participantes, await this.movimientos.deSorteo(c.id));
    const titulares = participantes.filter(
      (p) => t.parqueaderoDe.has(p.solicitudId) && quien(p.residenteId),
    );
    for (const p of titulares) {
      try {
        await this.renuncias.renunciar({
          sorteoId: c.id,
          solicitudId: p.solicitudId,
          motivo: 'BAJA',
          detalle: null,
          usuarioId,
          alcance: ALCANCE_TOTAL,
        });
      } catch (err) {
        // Renounced meanwhile by someone else: nothing left to do.
        if (!(err instanceof ConflictoError && err.code === CodigoError.NO_ASIGNADA)) throw err;
      }
    }
  }
}
