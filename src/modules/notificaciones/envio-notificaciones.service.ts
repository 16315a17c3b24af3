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
import { NotificacionDebida, NotificacionesRepository } from './notificaciones.repository';
import { despuesDeFallo } from './reintentos';
import { TransporteCorreo } from './transporte-correo';

/** How far past a dead sender's claim the next one may probe (one per crash, so a handful). */
const MAX_RECLAMOS_ABANDONADOS = 20;

/**
 * The outbox's sender, one loop per instance (docs/notificaciones.md). Each tick reads a small
 * batch of due messages and sends a few at a time; every attempt is claimed by inserting
 * `<key>:<attempt>`, so two instances never send the same attempt. A tick starts only after the
 * previous one ended, and a full batch is followed by the next at once, a short one by a pause.
 */
@Injectable()
export class EnvioNotificacionesService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notificaciones');
  private readonly instancia = randomUUID();
  private temporizador: NodeJS.Timeout | null = null;
  private enCurso: Promise<void> | null = null;
  private detenido = false;

  constructor(
    private readonly repo: NotificacionesRepository,
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
          return 0;
        })
        .then((leidas) => {
          this.enCurso = null;
          this.programar(leidas >= this.cfg.lote ? 0 : this.cfg.intervaloMs);
        });
    }, ms);
    this.temporizador.unref();
  }

  /** One batch; returns how many due messages it read. Public for tests and the benchmark. */
  async tick(): Promise<number> {
    const debidas = await this.repo.debidas(new Date(), this.cfg.lote);
    // Two instances read the same head of the queue; shuffled, they mostly claim different ones.
    for (let i = debidas.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [debidas[i], debidas[j]] = [debidas[j], debidas[i]];
    }
    let siguiente = 0;
    const enviadas: Array<{ id: string; intento: number }> = [];
    const trabajador = async (): Promise<void> => {
      while (siguiente < debidas.length && !this.detenido) {
        const m = debidas[siguiente++];
        const intento = await this.intentar(m);
        if (intento !== null) enviadas.push({ id: m.id, intento });
      }
    };
    try {
      await Promise.all(Array.from({ length: this.cfg.concurrencia }, trabajador));
    } finally {
      // One update per distinct attempt number (usually one for the batch): on SQLite every
      // update scans the collection, so one per message would cost the API its latency.
      await this.repo.marcarEnviadas(enviadas, new Date());
    }
    return debidas.length;
  }

  /** The attempt number when the SMTP server accepted the message; null otherwise. */
  private async intentar(m: NotificacionDebida): Promise<number | null> {
    const intento = await this.reclamar(m);
    if (intento === null) return null;
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
      if (d.estado === 'fallida') this.logger.error(`Notificación ${m.id} fallida: ${motivo}`);
      return null;
    }
    return intento;
  }

  /**
   * The attempt this sender owns, or null. A claim already there is another sender's; if it is
   * older than any send can last and the message is still pending, that sender died (perhaps
   * after the SMTP server accepted the message: the one re-send a crash can cause), and the next
   * attempt is claimed instead.
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
