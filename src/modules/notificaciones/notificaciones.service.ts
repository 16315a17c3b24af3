import type { UsuarioActual } from 'src/core/auth/roles';
import { actorDe, AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { correoConfig } from 'src/core/config/correo.config';
import { ConflictoError, NoEncontradoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import type { Pagina } from 'src/shared/pagination/pagina';
import { ColaEnvioRepository } from './cola-envio.repository';
import { NotificacionesRepository, ResumenNotificacion } from './notificaciones.repository';
import type { Mensaje } from './plantillas';
import type { EstadoNotificacion, NotificacionDoc } from './schemas/notificacion.schema';

/** One message to enqueue. `clave` makes it unique: the same clave twice is one message. */
export interface NuevaNotificacion {
  /** e.g. `solicitud:<id>:aprobada`, `sorteo:<id>:resultado:<solicitudId>` (docs/notificaciones.md). */
  clave: string;
  tipo: string;
  destinatario: string;
  mensaje: Mensaje;
  /** The body holds a secret (an activation link). */
  confidencial?: boolean;
}

/**
 * The outbox's public face. Other modules (registration, the CSV import) call `encolar`, after
 * their own write and before answering: once it returns, the message will be sent, by this
 * instance or another, whatever crashes.
 */
@Injectable()
export class NotificacionesService {
  constructor(
    private readonly repo: NotificacionesRepository,
    private readonly cola: ColaEnvioRepository,
    @Inject(correoConfig.KEY) private readonly cfg: ConfigType<typeof correoConfig>,
    private readonly auditoria: AuditoriaService,
  ) {}

  /** True when the message is new; false when its clave was already enqueued (nothing changes). */
  async encolar(n: NuevaNotificacion): Promise<boolean> {
    return (await this.encolarVarias([n])) === 1;
  }

  /**
   * One insert for the lot, then its new ones into the senders' queue; returns how many were new.
   * A crash between the two leaves records the next start-up queues (`EnvioNotificacionesService`).
   */
  async encolarVarias(lista: readonly NuevaNotificacion[]): Promise<number> {
    const ahora = new Date();
    const docs: NotificacionDoc[] = lista.map((n) => ({
      _id: n.clave,
      tipo: n.tipo,
      destinatario: n.destinatario.trim().toLowerCase(),
      asunto: n.mensaje.asunto,
      texto: n.mensaje.texto,
      html: n.mensaje.html,
      confidencial: n.confidencial ?? false,
      estado: 'pendiente',
      intentos: 0,
      proximoIntento: ahora,
      venceEn: new Date(ahora.getTime() + this.cfg.ventanaMs),
      creadaEn: ahora,
      enviadaEn: null,
      ultimoError: null,
    }));
    const nuevas = await this.repo.insertarVarias(docs);
    await this.cola.poner(nuevas);
    return nuevas.length;
  }

  listar(
    filtro: { estado?: EstadoNotificacion; destinatario?: string },
    page: number,
    limit: number,
  ): Promise<Pagina<ResumenNotificacion>> {
    const destinatario = filtro.destinatario?.trim().toLowerCase();
    return this.repo.listar({ estado: filtro.estado, destinatario }, page, limit);
  }

  /** fallida → pendiente, tried again at once and for a new window; 409 for any other estado. */
  async reintentar(id: string, actor: UsuarioActual): Promise<ResumenNotificacion> {
    const actual = await this.repo.buscarResumen(id);
    if (!actual) throw new NoEncontradoError('La notificación');
    if (actual.estado !== 'fallida') {
      throw new ConflictoError(
        CodigoError.NOTIFICACION_NO_FALLIDA,
        `Solo se reintenta una notificación fallida; esta está ${actual.estado}.`,
      );
    }
    const ahora = new Date();
    await this.repo.reabrir(id, ahora, new Date(ahora.getTime() + this.cfg.ventanaMs));
    const reabierta = await this.repo.buscarCompleta(id);
    if (reabierta?.estado === 'pendiente') await this.cola.poner([reabierta]);
    await this.auditoria.registrar({
      actor: actorDe(actor),
      accion: 'notificacion.reintentada',
      recurso: { tipo: 'notificacion', id },
      cambios: { estado: { antes: actual.estado, despues: 'pendiente' } },
    });
    return (await this.repo.buscarResumen(id)) as ResumenNotificacion;
  }
}
