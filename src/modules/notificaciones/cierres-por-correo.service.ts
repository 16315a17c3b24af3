import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { setImmediate as cederTurno } from 'node:timers/promises';
import { CierresParaAviso } from 'src/modules/sorteo/convocatorias/cierres-para-aviso.service';
import { CONVOCATORIA_CERRADA } from 'src/modules/sorteo/sorteo.events';
import { FuentesRepository } from './fuentes.repository';
import { NotificacionesRepository } from './notificaciones.repository';
import { NotificacionesService, NuevaNotificacion } from './notificaciones.service';
import * as plantillas from './plantillas';
import { TrabajosEnFondo } from './trabajos-en-fondo';

/** Closes older than this are not swept at start: their draw has likely happened since. */
const BARRIDO_DIAS = 7;

/** The mark of a close whose e-mails are all enqueued (beside the draws' in one collection). */
const marca = (convocatoriaId: string): string => `convocatoria:${convocatoriaId}`;

/**
 * One e-mail per frozen participant with an e-mail, keyed `convocatoria:<id>:cierre:<solicitudId>`:
 * their own frozen line and the published insumosHash. The same shape as a draw's results
 * (ResultadosPorCorreoService): in the background, chunk by chunk of the stored close, marked
 * after the last chunk, and swept again at start when a crash left it unmarked.
 */
@Injectable()
export class CierresPorCorreoService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Notificaciones');
  private readonly trabajos = new TrabajosEnFondo(this.logger);

  constructor(
    private readonly notificaciones: NotificacionesService,
    private readonly repo: NotificacionesRepository,
    private readonly fuentes: FuentesRepository,
    private readonly cierres: CierresParaAviso,
  ) {}

  onApplicationBootstrap(): void {
    void this.barrer().catch((err: unknown) =>
      this.logger.warn(`Barrido de cierres por correo interrumpido: ${(err as Error).message}`),
    );
  }

  @OnEvent(CONVOCATORIA_CERRADA)
  alCerrar(convocatoriaId: string): void {
    this.trabajos.lanzar(
      convocatoriaId,
      () => this.encolar(convocatoriaId),
      `Cierre ${convocatoriaId} sin encolar`,
    );
  }

  /** Recovery: each recent close not yet marked. Returns the messages added. */
  async barrer(): Promise<number> {
    const desde = new Date(Date.now() - BARRIDO_DIAS * 86_400_000);
    let nuevos = 0;
    for (const id of await this.cierres.cerradasDesde(desde)) {
      if (!(await this.repo.sorteoNotificado(marca(id)))) nuevos += await this.encolarCierre(id);
    }
    return nuevos;
  }

  /** Idempotent; one run per convocatoria at a time in this instance. */
  encolarCierre(convocatoriaId: string): Promise<number> {
    return this.trabajos.correr(convocatoriaId, () => this.encolar(convocatoriaId));
  }

  private async encolar(convocatoriaId: string): Promise<number> {
    const cierre = await this.cierres.cierre(convocatoriaId);
    if (!cierre) return 0;
    let nuevos = 0;
    let total = 0;
    for await (const bloque of this.cierres.lineas(convocatoriaId, cierre.bloques)) {
      const residentes = await this.fuentes.residentes(bloque.map((l) => l.residenteId));
      const lista: NuevaNotificacion[] = bloque.flatMap((linea) => {
        const r = residentes.get(linea.residenteId);
        if (!r) return [];
        const mensaje = plantillas.convocatoriaCerrada({
          nombre: r.nombre,
          convocatoria: cierre.nombre,
          insumosHash: cierre.insumosHash,
          linea,
        });
        const clave = `convocatoria:${convocatoriaId}:cierre:${linea.solicitudId}`;
        return [{ clave, tipo: 'convocatoria_cerrada', destinatario: r.email, mensaje }];
      });
      total += lista.length;
      nuevos += await this.notificaciones.encolarVarias(lista);
      await cederTurno();
    }
    await this.repo.marcarSorteoNotificado(marca(convocatoriaId), total);
    if (nuevos > 0) this.logger.log(`Convocatoria ${convocatoriaId}: ${nuevos} avisos de cierre`);
    return nuevos;
  }
}
