import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { correoConfig } from 'src/core/config/correo.config';
import type { NotificacionDebida } from './cola-envio.repository';

/**
 * SMTP through nodemailer, or, without SMTP_URL, one .eml file per message under DATA_DIR/correo
 * plus a log line (development). Message-ID derives from the outbox key, so a message re-sent
 * after a crash carries the same id and mail clients can fold the copies.
 */
@Injectable()
export class TransporteCorreo implements OnModuleDestroy {
  private readonly logger = new Logger('Correo');
  private readonly smtp: Transporter | null;
  private readonly archivo: Transporter | null;
  private readonly dominio: string;

  constructor(@Inject(correoConfig.KEY) private readonly cfg: ConfigType<typeof correoConfig>) {
    this.dominio = /@([^>\s]+)>?$/.exec(cfg.remitente)?.[1] ?? 'parknet.local';
    this.smtp = cfg.smtpUrl
      ? createTransport({
          url: cfg.smtpUrl,
          pool: true,
          maxConnections: cfg.concurrencia,
          // Bounded phases: a send can never outlive its claim (plazoReclamoMs, config check).
          connectionTimeout: cfg.smtpTimeoutMs,
          greetingTimeout: cfg.smtpTimeoutMs,
          socketTimeout: cfg.smtpTimeoutMs,
        })
      : null;
    this.archivo = cfg.smtpUrl ? null : createTransport({ streamTransport: true, buffer: true });
  }

  async enviar(m: NotificacionDebida): Promise<void> {
    const correo = {
      from: this.cfg.remitente,
      to: m.destinatario,
      subject: m.asunto,
      text: m.texto,
      html: m.html,
      // Plain text stays readable in the raw message (and in the tests that read it).
      textEncoding: 'quoted-printable' as const,
      messageId: `<${createHash('sha256').update(m.id).digest('hex').slice(0, 32)}@${this.dominio}>`,
    };
    if (this.smtp) {
      await this.smtp.sendMail(correo);
      return;
    }
    const info = (await (this.archivo as Transporter).sendMail(correo)) as { message: Buffer };
    const carpeta = join(this.cfg.dataDir, 'correo');
    await mkdir(carpeta, { recursive: true });
    const nombre = `${m.id.replace(/[^A-Za-z0-9_-]/g, '_')}.eml`;
    await writeFile(join(carpeta, nombre), info.message);
    // The key and the address only: a body may hold an activation link.
    this.logger.log(`Correo ${m.id} para ${m.destinatario} escrito en ${join(carpeta, nombre)}`);
  }

  onModuleDestroy(): void {
    this.smtp?.close();
  }
}
