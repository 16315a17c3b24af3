import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { OnEvent } from '@nestjs/event-emitter';
import { createHash } from 'node:crypto';
import { correoConfig } from 'src/core/config/correo.config';
import {
  REGISTRO_CREADO,
  REGISTRO_DECIDIDO,
  REGISTRO_OCUPADO,
  REGISTRO_VERIFICADO,
  RegistroCreadoEvento,
  RegistroEvento,
  RegistroOcupadoEvento,
} from 'src/modules/residentes/residentes.events';
import { NotificacionesService } from './notificaciones.service';
import * as plantillas from './plantillas';

/** Awaited by the emitter: the message is in the outbox before the request answers. */
const ANTES_DE_RESPONDER = { promisify: true, suppressErrors: false } as const;

const huella = (valor: string): string =>
  createHash('sha256').update(valor).digest('hex').slice(0, 16);

/**
 * Self-registration's e-mails (docs/registro.md), each under its key: one per registration and
 * event, and for the notices about a taken address at most one per address, kind and UTC day, so
 * repeated attempts cannot flood someone's mailbox.
 */
@Injectable()
export class AvisosRegistroService {
  constructor(
    private readonly notificaciones: NotificacionesService,
    @Inject(correoConfig.KEY) private readonly cfg: ConfigType<typeof correoConfig>,
  ) {}

  /** The verification link is a secret: `confidencial`, and no listing shows its body. */
  @OnEvent(REGISTRO_CREADO, ANTES_DE_RESPONDER)
  async alRegistrar(e: RegistroCreadoEvento): Promise<void> {
    const enlace = `${this.cfg.urlPublica}/verificar-correo?token=${encodeURIComponent(e.token)}`;
    await this.notificaciones.encolar({
      clave: `registro:${e.residenteId}:verificacion`,
      tipo: 'registro_verificacion',
      destinatario: e.email,
      mensaje: plantillas.verificacionCorreo({ nombre: e.nombre, enlace, expiraEn: e.expiraEn }),
      confidencial: true,
    });
  }

  @OnEvent(REGISTRO_OCUPADO, ANTES_DE_RESPONDER)
  async alOcupado(e: RegistroOcupadoEvento): Promise<void> {
    const dia = new Date().toISOString().slice(0, 10);
    await this.notificaciones.encolar({
      clave: `registro:ocupado:${e.motivo}:${huella(e.email)}:${dia}`,
      tipo: e.motivo === 'email' ? 'registro_correo_ocupado' : 'registro_no_continuado',
      destinatario: e.email,
      mensaje:
        e.motivo === 'email'
          ? plantillas.registroConSuCorreo({ email: e.email })
          : plantillas.registroNoContinuado({ email: e.email }),
    });
  }

  @OnEvent(REGISTRO_VERIFICADO, ANTES_DE_RESPONDER)
  async alVerificar(e: RegistroEvento): Promise<void> {
    await this.notificaciones.encolar({
      clave: `registro:${e.residenteId}:recibido`,
      tipo: 'registro_recibido',
      destinatario: e.email,
      mensaje: plantillas.registroRecibido({ nombre: e.nombre }),
    });
  }

  @OnEvent(REGISTRO_DECIDIDO, ANTES_DE_RESPONDER)
  async alDecidir(e: RegistroEvento): Promise<void> {
    const aprobado = e.decision === 'aprobado';
    await this.notificaciones.encolar({
      clave: `registro:${e.residenteId}:${aprobado ? 'aprobado' : 'rechazado'}`,
      tipo: aprobado ? 'registro_aprobado' : 'registro_rechazado',
      destinatario: e.email,
      mensaje: aprobado
        ? plantillas.registroAprobado({ nombre: e.nombre })
        : plantillas.registroRechazado({ nombre: e.nombre, motivo: e.motivo ?? null }),
    });
  }
}
