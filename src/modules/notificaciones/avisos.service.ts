import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { OnEvent } from '@nestjs/event-emitter';
import { createHash } from 'node:crypto';
import { correoConfig } from 'src/core/config/correo.config';
import {
  ACTIVACION_EMITIDA,
  ACTIVACIONES_EMITIDAS,
  ActivacionEmitidaEvento,
  ActivacionesEmitidasEvento,
  CONTRASENA_CAMBIADA,
  ContrasenaCambiadaEvento,
} from 'src/modules/auth/auth.events';
import {
  SOLICITUD_PROMOVIDA,
  SOLICITUDES_DECIDIDAS,
  SolicitudesDecididasEvento,
  SolicitudPromovidaEvento,
} from 'src/modules/solicitudes/solicitudes.events';
import { FuentesRepository } from './fuentes.repository';
import { NotificacionesService, NuevaNotificacion } from './notificaciones.service';
import * as plantillas from './plantillas';

/** Awaited by the emitter: the message is in the outbox before the request answers. */
const ANTES_DE_RESPONDER = { promisify: true, suppressErrors: false } as const;

/**
 * Turns the domain events into outbox messages, each under its key (docs/notificaciones.md).
 * A draw's results are enqueued by ResultadosPorCorreo, in batches and with a recovery sweep.
 */
@Injectable()
export class AvisosService {
  private readonly logger = new Logger('Notificaciones');

  constructor(
    private readonly notificaciones: NotificacionesService,
    private readonly fuentes: FuentesRepository,
    @Inject(correoConfig.KEY) private readonly cfg: ConfigType<typeof correoConfig>,
  ) {}

  @OnEvent(SOLICITUDES_DECIDIDAS, ANTES_DE_RESPONDER)
  async alDecidirSolicitudes(e: SolicitudesDecididasEvento): Promise<void> {
    const solicitudes = e.solicitudes;
    const residentes = await this.fuentes.residentes(solicitudes.map((s) => s.residenteId));
    const lista: NuevaNotificacion[] = [];
    for (const s of solicitudes) {
      const r = residentes.get(s.residenteId);
      if (!r) continue;
      const mensaje =
        e.estado === 'aprobada'
          ? plantillas.solicitudAprobada({ nombre: r.nombre, placa: s.placa })
          : plantillas.solicitudRechazada({ nombre: r.nombre, placa: s.placa, motivo: s.motivo });
      lista.push({
        clave: `solicitud:${s.id}:${e.estado}`,
        tipo: `solicitud_${e.estado}`,
        destinatario: r.email,
        mensaje,
      });
    }
    await this.notificaciones.encolarVarias(lista);
  }

  @OnEvent(SOLICITUD_PROMOVIDA, ANTES_DE_RESPONDER)
  async alPromover(e: SolicitudPromovidaEvento): Promise<void> {
    const r = (await this.fuentes.residentes([e.residenteId])).get(e.residenteId);
    if (!r) return;
    await this.notificaciones.encolar({
      clave: `solicitud:${e.solicitudId}:promovida:${e.version}`,
      tipo: 'promocion',
      destinatario: r.email,
      mensaje: plantillas.promocion({
        nombre: r.nombre,
        placa: e.placa,
        parqueadero: e.parqueadero,
      }),
    });
  }

  @OnEvent(CONTRASENA_CAMBIADA, ANTES_DE_RESPONDER)
  async alCambiarContrasena(e: ContrasenaCambiadaEvento): Promise<void> {
    const u = await this.fuentes.usuario(e.usuarioId);
    if (!u) return;
    await this.notificaciones.encolar({
      clave: `usuario:${e.usuarioId}:contrasena:${e.version}`,
      tipo: 'contrasena_cambiada',
      destinatario: u.email,
      mensaje: plantillas.contrasenaCambiada({ nombre: u.nombre, fecha: new Date() }),
    });
  }

  /**
   * The token's hash names the message, so re-issuing gives a new one and the same token never
   * two. The link is a secret: the message is `confidencial` and no listing shows a body.
   */
  @OnEvent(ACTIVACION_EMITIDA, ANTES_DE_RESPONDER)
  async alEmitirActivacion(e: ActivacionEmitidaEvento): Promise<void> {
    const u = await this.fuentes.usuario(e.usuarioId);
    if (!u) return;
    await this.notificaciones.encolar(this.activacion(e, u));
    this.logger.debug(`Activación de ${e.usuarioId} encolada`);
  }

  /** A CSV import's accounts: one read of the residents and one insert into the outbox. */
  @OnEvent(ACTIVACIONES_EMITIDAS, ANTES_DE_RESPONDER)
  async alEmitirActivaciones(e: ActivacionesEmitidasEvento): Promise<void> {
    const residentes = await this.fuentes.residentes(e.activaciones.map((a) => a.residenteId));
    const lista = e.activaciones.flatMap((a) => {
      const r = residentes.get(a.residenteId);
      return r ? [this.activacion(a, r)] : [];
    });
    await this.notificaciones.encolarVarias(lista);
    this.logger.log(`${lista.length} activaciones de una importación encoladas`);
  }

  private activacion(
    e: ActivacionEmitidaEvento,
    a: { nombre: string; email: string },
  ): NuevaNotificacion {
    const huella = createHash('sha256').update(e.token).digest('hex').slice(0, 16);
    const enlace = `${this.cfg.urlPublica}/activar?token=${encodeURIComponent(e.token)}`;
    return {
      clave: `usuario:${e.usuarioId}:activacion:${huella}`,
      tipo: 'activacion',
      destinatario: a.email,
      mensaje: plantillas.activacion({ nombre: a.nombre, enlace, expiraEn: e.expiraEn }),
      confidencial: true,
    };
  }
}
