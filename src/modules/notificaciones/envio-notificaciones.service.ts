import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { correoConfig } from 'src/core/config/correo.config';
import { ColaEnvioRepository, NotificacionDebida } from './cola-envio.repository';
import { NotificacionesRepository } from './notificaciones.repository';
import { despuesDeFallo } from './reintentos';
import { TransporteCorreo } from './transporte-correo';

/** How far past a dead sender's claim the next one may probe (one per crash, so a handful). */
const MAX_RECLAMOS_ABANDONADOS = 20;

/**
 * The outbox's sender, one loop per instance (docs/notificaciones.md). Each tick reads a small
 * batch of due messages from the queue and sends a few at a time; every attempt is claimed by
 * inserting `<key>:<attempt>`, so two instances never send the same attempt. A tick starts only
 * after the previous one ended; a full batch in which something was claimed is followed by the
 * next at once, anything else by a pause. The first tick of a process queues again the pending
 * records a crash left out of the queue.
 */
@Injectable()
export class EnvioNotificacionesService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notificaciones');
  private readonly instancia = randomUUID();
  private temporizador: NodeJS.Timeout | null = null;
  private enCurso: Promise<void> | null = null;
  private detenido = false;
  private colaRepuesta = false;

  constructor(
    private readonly repo: NotificacionesRepository,
    private readonly cola: ColaEnvioRepository,
    private readonly transporte: TransporteCorreo,
    @Inject(correoConfig.KEY) private readonly cfg: ConfigType<typeof correoConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.programar(this.cfg.intervaloMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.detenido = true;
    if (this.temporizador) clearTimeout(this.temporizador);
    await this.enCurso;
  }

  private programar(ms: number): void {
    if (this.detenido) return;
    this.temporizador = setTimeout(() => {
      this.enCurso = this.tick()
        .catch((err: unknown) => {
          // The database may be down: the messages wait in the outbox; try again next tick.
          this.logger.warn(`Envío de notificaciones interrumpido: ${(err as Error).message}`);
          return false;
        })
        .then((seguir) => {
          this.enCurso = null;
          this.programar(seguir ? 0 : this.cfg.intervaloMs);
        });
    }, ms);
    this.temporizador.unref();
  }

  /**
   * One batch; true when the next should follow at once: the batch was full and this sender
   * claimed some of it (messages all claimed by others, still sending, are no reason to hurry).
   * Public for tests and the benchmark.
   */
  async tick(): Promise<boolean> {
    if (!this.colaRepuesta) {
      await this.cola.poner(await this.repo.pendientes());
      this.colaRepuesta = true;
    }
    const debidas = await this.cola.debidas(new Date(), this.cfg.lote);
    // Two instances read the same head of the queue; shuffled, they mostly claim different ones.
    for (let i = debidas.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [debidas[i], debidas[j]] = [debidas[j], debidas[i]];
    }
    let siguiente = 0;
    let reclamadas = 0;
    const enviadas: Array<{ id: string; intento: number }> = [];
    const trabajador = async (): Promise<void> => {
      while (siguiente < debidas.length && !this.detenido) {
        const m = debidas[siguiente++];
        const intento = await this.reclamar(m);
        if (intento === null) continue;
        reclamadas++;
        if (await this.intentar(m, intento)) enviadas.push({ id: m.id, intento });
      }
    };
    try {
      await Promise.all(Array.from({ length: this.cfg.concurrencia }, trabajador));
    } finally {
      // One update per distinct attempt number (usually one for the batch): on SQLite every
      // update scans the collection, so one per message would cost the API its latency.
      await this.repo.marcarEnviadas(enviadas, new Date());
      await this.cola.quitar(enviadas.map((e) => e.id));
    }
    return debidas.length >= this.cfg.lote && reclamadas > 0;
  }

  /** True when the SMTP server accepted the message; a refusal is recorded for the next try. */
  private async intentar(m: NotificacionDebida, intento: number): Promise<boolean> {
    try {
      await this.transporte.enviar(m);
    } catch (err) {
      const ahora = new Date();
      const d = despuesDeFallo(intento, ahora, m.venceEn, {
        baseMs: this.cfg.reintentoBaseMs,
        maxMs: this.cfg.reintentoMaxMs,
      });
      const motivo = describir(err);
      await this.repo.marcarFallo(m.id, intento, { ...d, ultimoError: motivo });
      if (d.estado === 'fallida') {
        await this.cola.quitar([m.id]);
        this.logger.error(`Notificación ${m.id} fallida: ${motivo}`);
      } else await this.cola.aplazar(m.id, intento, d.proximoIntento);
      return false;
    }
    return true;
  }

  /**
   * The attempt this sender owns, or null. A claim already there is another sender's; if it is
   * older than any send can last and the message is still pending, that sender died (perhaps
   * after the SMTP server accepted the message: the one re-send a crash can cause), and the next
   * attempt is claimed instead; unless the record says the message is done, which a queue entry
   * put back by a start-up sweep racing the sender that finished it can show.
   */
  private async reclamar(m: NotificacionDebida): Promise<number | null> {
    for (
      let intento = m.intentos + 1;
      intento <= m.intentos + MAX_RECLAMOS_ABANDONADOS;
      intento++
    ) {
      const ahora = new Date();
      if (await this.repo.reclamar(m.id, intento, this.instancia, ahora)) return intento;
      const fecha = await this.repo.fechaReclamo(m.id, intento);
      if (!fecha || ahora.getTime() - fecha.getTime() < this.cfg.plazoReclamoMs) return null;
      if ((await this.repo.estado(m.id)) !== 'pendiente') {
        await this.cola.quitar([m.id]);
        return null;
      }
    }
    return null;
  }
}

/** The SMTP reply or the network error, short, for `ultimoError` (never the message body). */
function describir(err: unknown): string {
  const e = err as { responseCode?: number; code?: string; message?: string };
  const texto = e.responseCode ? `SMTP ${e.responseCode}` : (e.code ?? 'ERROR');
  return `${texto}: ${String(e.message ?? err).slice(0, 200)}`;
}
