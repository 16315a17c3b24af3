import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { setImmediate as cederTurno } from 'node:timers/promises';
import { SORTEO_COMPLETADO } from 'src/modules/sorteo/sorteo.events';
import { FuentesRepository } from './fuentes.repository';
import { NotificacionesRepository } from './notificaciones.repository';
import { NotificacionesService, NuevaNotificacion } from './notificaciones.service';
import * as plantillas from './plantillas';
import { TrabajosEnFondo } from './trabajos-en-fondo';

/** Draws older than this are not swept at start: their news is stale (and were sent then). */
const BARRIDO_DIAS = 7;

/**
 * One result e-mail per participant with an e-mail, keyed `sorteo:<id>:resultado:<solicitudId>`.
 * Enqueued chunk by chunk (one chunk of the stored result, one read of residents, one insert),
 * yielding between chunks, in the background of the draw's request. A crash part-way loses
 * nothing: the draw is marked notified only after its last chunk, and at start every completed
 * draw of the last days without that mark is enqueued again; the keys make it idempotent.
 */
@Injectable()
export class ResultadosPorCorreoService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Notificaciones');
  private readonly trabajos = new TrabajosEnFondo(this.logger);

  constructor(
    private readonly notificaciones: NotificacionesService,
    private readonly repo: NotificacionesRepository,
    private readonly fuentes: FuentesRepository,
  ) {}

  onApplicationBootstrap(): void {
    void this.barrer().catch((err: unknown) =>
      this.logger.warn(`Barrido de resultados por correo interrumpido: ${(err as Error).message}`),
    );
  }

  @OnEvent(SORTEO_COMPLETADO)
  alCompletarSorteo(sorteoId: string): void {
    this.trabajos.lanzar(
      sorteoId,
      () => this.encolar(sorteoId),
      `Resultados del sorteo ${sorteoId} sin encolar`,
    );
  }

  /** Recovery: each recent completed draw not yet marked notified. Returns the messages added. */
  async barrer(): Promise<number> {
    await this.repo.asegurarIndices();
    const desde = new Date(Date.now() - BARRIDO_DIAS * 86_400_000);
    let nuevos = 0;
    for (const id of await this.fuentes.sorteosCompletosDesde(desde)) {
      if (!(await this.repo.sorteoNotificado(id))) nuevos += await this.encolarResultados(id);
    }
    return nuevos;
  }

  /** Idempotent; one run per draw at a time in this instance. */
  encolarResultados(sorteoId: string): Promise<number> {
    return this.trabajos.correr(sorteoId, () => this.encolar(sorteoId));
  }

  private async encolar(sorteoId: string): Promise<number> {
    const sorteo = await this.fuentes.sorteo(sorteoId);
    if (!sorteo) return 0;
    let nuevos = 0;
    let total = 0;
    for await (const bloque of this.fuentes.participantes(sorteoId, sorteo.bloques)) {
      const residentes = await this.fuentes.residentes(bloque.map((p) => p.residenteId));
      const lista: NuevaNotificacion[] = [];
      for (const p of bloque) {
        const r = residentes.get(p.residenteId);
        if (!r) continue;
        lista.push({
          clave: `sorteo:${sorteoId}:resultado:${p.solicitudId}`,
          tipo: 'resultado_sorteo',
          destinatario: r.email,
          mensaje: plantillas.resultadoSorteo({
            nombre: r.nombre,
            sorteo: sorteo.nombre,
            placa: p.placa,
            parqueadero: p.parqueadero,
            posicionEspera: p.posicionEspera,
          }),
        });
      }
      total += lista.length;
      nuevos += await this.notificaciones.encolarVarias(lista);
      // Let the requests waiting on this instance run between two chunks.
      await cederTurno();
    }
    await this.repo.marcarSorteoNotificado(sorteoId, total);
    if (nuevos > 0) this.logger.log(`Sorteo ${sorteoId}: ${nuevos} resultados encolados`);
    return nuevos;
  }
}
