import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { RolPersonal } from 'src/core/auth/roles';
import { authConfig } from 'src/core/config/auth.config';
import { ConflictoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { sha256Hex, tokenAleatorio } from 'src/shared/utils/crypto';
import {
  ACTIVACION_EMITIDA,
  ACTIVACIONES_EMITIDAS,
  ActivacionEmitidaEvento,
  ActivacionesEmitidasEvento,
} from './auth.events';
import { CredencialesService } from './credenciales.service';
import { SesionesService } from './sesiones.service';
import { UsuarioEntidad, UsuariosRepository } from './usuarios.repository';

export interface Activacion {
  token: string;
  expiraEn: Date;
}

/**
 * What the residentes module may do to a resident's login account (keyed by the resident id), and
 * the staff accounts' creation and removal. The activation token is returned once and stored only
 * as a hash.
 */
@Injectable()
export class CuentasService {
  constructor(
    private readonly usuarios: UsuariosRepository,
    private readonly sesiones: SesionesService,
    private readonly credenciales: CredencialesService,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
    private readonly eventos: EventEmitter2,
  ) {}

  /** Creates a pending account and its first activation token. 409 when the email is taken. */
  async crearParaResidente(residenteId: string, email: string): Promise<Activacion> {
    const creado = await this.usuarios.crear({
      email,
      rol: 'residente',
      residenteId,
      estado: 'pendiente_activacion',
      passwordHash: null,
    });
    if (!creado) throw emailOcupado();
    return this.nuevaActivacion(creado.id);
  }

  /**
   * A pending staff account and its first activation token, the same single-use token residents
   * get. 409 when the email is taken by anyone, resident or staff: the `usuario:email` claim
   * arbitrates both, since every resident with an email has an account.
   */
  async crearDePersonal(
    email: string,
    nombre: string,
    rol: RolPersonal,
  ): Promise<{ usuario: UsuarioEntidad; activacion: Activacion }> {
    const usuario = await this.usuarios.crear({
      email,
      nombre,
      rol,
      residenteId: null,
      estado: 'pendiente_activacion',
      passwordHash: null,
    });
    if (!usuario) throw emailOcupado();
    return { usuario, activacion: await this.nuevaActivacion(usuario.id) };
  }

  /**
   * Pending accounts for many residents at once, each stored with its first activation token's
   * hash; the tokens go out in one ACTIVACIONES_EMITIDAS event (the outbox, before the answer) and
   * never in a response. Returns the residents left without an account because another account
   * holds their email.
   */
  async crearVariasParaResidentes(
    lista: ReadonlyArray<{ residenteId: string; email: string }>,
  ): Promise<string[]> {
    const expiraEn = new Date(Date.now() + this.cfg.activacionTtlHoras * 3_600_000);
    const tokens = new Map(lista.map((c) => [c.residenteId, tokenAleatorio()]));
    const { fallidos, creadas } = await this.usuarios.crearVariosDeResidentes(
      lista.map((c) => ({
        ...c,
        activacionHash: sha256Hex(tokens.get(c.residenteId)!),
        activacionExpira: expiraEn,
      })),
    );
    const evento: ActivacionesEmitidasEvento = {
      activaciones: creadas.map((c) => ({
        usuarioId: c.usuarioId,
        residenteId: c.residenteId,
        token: tokens.get(c.residenteId)!,
        expiraEn,
      })),
    };
    if (evento.activaciones.length > 0) await this.eventos.emitAsync(ACTIVACIONES_EMITIDAS, evento);
    const sinCuenta: string[] = [];
    // Claims held by someone else: one by one, which heals a claim a crash left behind.
    for (const residenteId of fallidos) {
      const { email } = lista.find((c) => c.residenteId === residenteId)!;
      const creado = await this.usuarios.crear({
        email,
        rol: 'residente',
        residenteId,
        estado: 'pendiente_activacion',
        passwordHash: null,
      });
      if (creado) await this.nuevaActivacion(creado.id);
      else sinCuenta.push(residenteId);
    }
    return sinCuenta;
  }

  /** Every email that has an account, with the account's resident (null for staff). */
  emailsEnUso(): Promise<Array<{ email: string; residenteId: string | null }>> {
    return this.usuarios.emailsYResidentes();
  }

  async emailDisponible(email: string, residenteId: string | null): Promise<boolean> {
    const u = await this.usuarios.buscarPorEmail(email);
    return !u || (residenteId !== null && u.residenteId === residenteId);
  }

  async tieneCuenta(residenteId: string): Promise<boolean> {
    return (await this.usuarios.buscarPorResidente(residenteId)) !== null;
  }

  /**
   * A new token; earlier ones stop working because only the newest hash is kept. On an active
   * account it works as a password reset issued by the administration.
   */
  async emitirActivacion(residenteId: string): Promise<Activacion | null> {
    const u = await this.usuarios.buscarPorResidente(residenteId);
    return u ? this.nuevaActivacion(u.id) : null;
  }

  /** 409 when another account holds the email (the residentes claims cover residents only). */
  async cambiarEmail(residenteId: string, email: string): Promise<void> {
    const u = await this.usuarios.buscarPorResidente(residenteId);
    if (u && u.email !== email && !(await this.usuarios.cambiarEmail(u.id, u.email, email)))
      throw emailOcupado();
  }

  /**
   * Disables the account and ends every session, including a login in flight. Idempotent, and it
   * always wins: it builds on whatever version is newest and tries again if a concurrent password
   * change or activation took the next one (those refuse to build on a disabled account).
   */
  async deshabilitar(residenteId: string): Promise<void> {
    const leido = await this.usuarios.buscarPorResidente(residenteId);
    if (leido) await this.deshabilitarCuenta(leido);
  }

  /** `deshabilitar` for any account, a staff one included. */
  async deshabilitarCuenta(leido: UsuarioEntidad): Promise<void> {
    let u = await this.credenciales.vigente(leido);
    while (u.estado !== 'deshabilitada') {
      const cambio = { passwordHash: null, estado: 'deshabilitada' as const };
      if (await this.credenciales.cambiar(u, cambio, true)) return;
      u = await this.credenciales.vigente(u);
    }
    await this.sesiones.cerrarTodas(u.id);
  }

  /** Undoes `crearParaResidente` when creating the resident failed after it. */
  eliminarDeResidente(residenteId: string): Promise<void> {
    return this.usuarios.eliminarDeResidente(residenteId);
  }

  /** After a re-activation the person must activate again: the old password no longer opens it. */
  async reabrir(residenteId: string): Promise<void> {
    const leido = await this.usuarios.buscarPorResidente(residenteId);
    if (!leido) return;
    let u = await this.credenciales.vigente(leido);
    const cambio = { passwordHash: null, estado: 'pendiente_activacion' as const };
    while (!(await this.credenciales.cambiar(u, cambio))) u = await this.credenciales.vigente(u);
  }

  private async nuevaActivacion(usuarioId: string): Promise<Activacion> {
    const token = tokenAleatorio();
    const expiraEn = new Date(Date.now() + this.cfg.activacionTtlHoras * 3_600_000);
    await this.usuarios.actualizar(usuarioId, {
      activacionHash: sha256Hex(token),
      activacionExpira: expiraEn,
    });
    const evento: ActivacionEmitidaEvento = { usuarioId, token, expiraEn };
    await this.eventos.emitAsync(ACTIVACION_EMITIDA, evento);
    return { token, expiraEn };
  }
}

export function emailOcupado(): ConflictoError {
  return new ConflictoError(
    CodigoError.RESIDENTE_DUPLICADO,
    'Ya existe una cuenta con ese correo electrónico.',
  );
}
