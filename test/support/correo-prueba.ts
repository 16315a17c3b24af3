import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as plantillas from 'src/modules/notificaciones/plantillas';
import { AppDePrueba, crearAppDePrueba } from './app';
import { crearPersonalActivo, loginAdmin, SesionPrueba } from './auth-helpers';
import { BuzonSmtp } from './buzon-smtp';

/** Polls until `listo` holds; the deadline only bounds a broken run, nothing is timed. */
export async function esperar(
  listo: () => boolean | Promise<boolean>,
  queEspera: string,
): Promise<void> {
  const limite = Date.now() + 60_000;
  while (!(await listo())) {
    if (Date.now() > limite) throw new Error(`No ocurrió a tiempo: ${queEspera}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface FilaOutbox {
  _id: string;
  estado: string;
  intentos: number;
  ultimoError: string | null;
  venceEn: Date;
}

/**
 * A real SMTP sink, a test app that sends to it with short back-offs, and a second instance on the
 * same database with its own sender loop: what every notifications e2e file starts from.
 */
export class CorreoDePrueba {
  readonly buzon = new BuzonSmtp();
  t!: AppDePrueba;
  segunda!: NestFastifyApplication;
  admin!: SesionPrueba;
  revisor!: SesionPrueba;

  outbox() {
    return this.t.connection.collection<FilaOutbox>('notificaciones');
  }

  async estadoDe(clave: string): Promise<string | undefined> {
    return (await this.outbox().findOne({ _id: clave }))?.estado;
  }

  mensaje(n: number) {
    return plantillas.registroRecibido({ nombre: `Persona ${n}` });
  }

  async iniciar(): Promise<void> {
    await this.buzon.iniciar();
    this.t = await crearAppDePrueba({
      SMTP_URL: `smtp://127.0.0.1:${this.buzon.port}`,
      CORREO_REMITENTE: 'ParkNet <avisos@parknet.test>',
      URL_PUBLICA: 'https://parknet.test',
      NOTIFICACIONES_INTERVALO_MS: '50',
      NOTIFICACIONES_REINTENTO_BASE_MS: '100',
      NOTIFICACIONES_REINTENTO_MAX_MS: '400',
      SMTP_TIMEOUT_MS: '2000',
      NOTIFICACIONES_PLAZO_RECLAMO_MS: '10000',
    });
    // A second instance on the same database: its own sender loop on the same outbox.
    process.env.MONGODB_DB = this.t.dbName;
    const { crearApp } = await import('src/app.factory');
    this.segunda = await crearApp({ logger: false });
    this.admin = await loginAdmin(this.t);
    this.revisor = (await crearPersonalActivo(this.t, this.admin, 'revisor')).sesion;
  }

  async cerrar(): Promise<void> {
    await this.segunda?.close();
    await this.t?.cerrar();
    await this.buzon.detener();
  }
}
