import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { UsuarioActual } from 'src/core/auth/roles';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import {
  CredencialesInvalidasError,
  NoAutenticadoError,
  RegistroPendienteError,
  SolicitudInvalidaError,
} from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { sha256Hex } from 'src/shared/utils/crypto';
import { CONTRASENA_CAMBIADA, CUENTA_ACTIVADA, CuentaActivadaEvento } from './auth.events';
import { CredencialesService } from './credenciales.service';
import { SesionDto, UsuarioDto } from './dto/sesion-response.dto';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { exigirPasswordFuerte, normalizarPassword } from './password-policy';
import { SesionesService } from './sesiones.service';
import { aUsuarioDto } from './usuario.mapper';
import { UsuarioEntidad, UsuariosRepository } from './usuarios.repository';

const TOKEN_INVALIDO =
  'El enlace de activación no es válido, ya se usó o venció. Pida uno nuevo a la administración.';

@Injectable()
export class AuthService {
  constructor(
    private readonly usuarios: UsuariosRepository,
    private readonly sesiones: SesionesService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly reclamos: ReclamosRepository,
    private readonly credenciales: CredencialesService,
    private readonly eventos: EventEmitter2,
  ) {}

  /**
   * The credentials are read again after the bcrypt comparison: a password change that landed
   * meanwhile means the password may be the old one, and no session is opened. A change landing
   * after that re-read is caught on the session's first use (it records the version it saw).
   */
  async login(email: string, password: string, ip: string): Promise<SesionDto> {
    const ahora = new Date();
    const intento = await this.throttle.iniciar(email, ip, ahora);
    const leido = await this.usuarios.buscarPorEmail(email);
    const usuario = leido && (await this.credenciales.vigente(leido));
    const valido = await this.coincide(password, usuario?.passwordHash);
    // Only the right password learns that a registration waits: a wrong one gets the usual 401.
    if (usuario && valido && usuario.estado === 'por_aprobar') {
      await this.throttle.exito(intento);
      throw new RegistroPendienteError();
    }
    if (!usuario || !valido || usuario.estado !== 'activa') {
      await this.throttle.fallo(email, ip, ahora);
      throw new CredencialesInvalidasError();
    }
    await this.throttle.exito(intento);
    const despues = await this.credenciales.vigente(usuario);
    if (despues.credencialVersion !== usuario.credencialVersion) {
      throw new CredencialesInvalidasError();
    }
    await this.publicarCuentaActiva(usuario);
    return this.sesiones.abrir(usuario, ahora);
  }

  refresh(refreshToken: string): Promise<SesionDto> {
    return this.sesiones.rotar(refreshToken);
  }

  logout(actual: UsuarioActual): Promise<void> {
    return this.sesiones.cerrar(actual.sesionId);
  }

  async me(actual: UsuarioActual): Promise<UsuarioDto> {
    const u = await this.usuarios.buscarPorId(actual.id);
    if (!u) throw new NoAutenticadoError();
    return aUsuarioDto(u);
  }

  /**
   * The token is single-use: the first request to insert its claim wins. The password is checked
   * and hashed before the claim, so a weak password does not burn the token. The new credentials
   * are then a new version (see CredencialesService): every earlier session ends, including a
   * login in flight, and a baja that won meanwhile makes the token useless.
   */
  async activar(token: string, password: string): Promise<SesionDto> {
    const hash = sha256Hex(token);
    const leido = await this.usuarios.buscarPorActivacion(hash);
    let usuario = leido && (await this.credenciales.vigente(leido));
    const ahora = new Date();
    const vigente = !!usuario?.activacionExpira && usuario.activacionExpira > ahora;
    // A registration waiting for approval has no activation token; refusing it here as well keeps
    // an activation from ever opening it before the administration decides.
    const cerrada = usuario?.estado === 'deshabilitada' || usuario?.estado === 'por_aprobar';
    if (!usuario || cerrada || !vigente) {
      throw new SolicitudInvalidaError(CodigoError.TOKEN_INVALIDO, TOKEN_INVALIDO);
    }
    const nueva = normalizarPassword(password);
    exigirPasswordFuerte(nueva, usuario.email);
    const passwordHash = await this.hasher.hash(nueva);
    if (!(await this.reclamos.reclamarUnaVez(`activacion:${hash}`, usuario.id))) {
      throw new SolicitudInvalidaError(CodigoError.TOKEN_INVALIDO, TOKEN_INVALIDO);
    }
    for (;;) {
      const activado = await this.credenciales.cambiar(
        usuario,
        { passwordHash, estado: 'activa' },
        true,
      );
      if (activado) {
        await this.publicarCuentaActiva(activado);
        return this.sesiones.abrir(activado, ahora);
      }
      usuario = await this.credenciales.vigente(usuario);
      if (usuario.estado === 'deshabilitada' || usuario.estado === 'por_aprobar') {
        throw new SolicitudInvalidaError(CodigoError.TOKEN_INVALIDO, TOKEN_INVALIDO);
      }
    }
  }

  /** Keeps residente.cuenta in step; repeated on every login, so a lost event heals itself. */
  private async publicarCuentaActiva(usuario: UsuarioEntidad): Promise<void> {
    if (!usuario.residenteId) return;
    const evento: CuentaActivadaEvento = { residenteId: usuario.residenteId };
    await this.eventos.emitAsync(CUENTA_ACTIVADA, evento);
  }

  /**
   * Throttled like login (per email and address). Each try is made against the newest credentials
   * and wins only by creating the next version: a concurrent change or baja makes it read again,
   * so it can neither undo a baja nor lose another change.
   */
  async cambiarPassword(
    actual: UsuarioActual,
    passwordActual: string,
    passwordNueva: string,
    ip: string,
  ): Promise<void> {
    const leido = await this.usuarios.buscarPorId(actual.id);
    if (!leido) throw new NoAutenticadoError();
    const ahora = new Date();
    const intento = await this.throttle.iniciar(leido.email, ip, ahora);
    const nueva = normalizarPassword(passwordNueva);
    let usuario = await this.credenciales.vigente(leido);
    for (;;) {
      if (usuario.estado !== 'activa') {
        await this.throttle.exito(intento);
        throw new NoAutenticadoError();
      }
      if (!(await this.coincide(passwordActual, usuario.passwordHash))) {
        await this.throttle.fallo(usuario.email, ip, ahora);
        // A 400, not a 401: the session is fine, and a 401 would make clients log the person out.
        throw new SolicitudInvalidaError(
          CodigoError.PASSWORD_ACTUAL_INCORRECTA,
          'La contraseña actual no es correcta.',
        );
      }
      await this.throttle.exito(intento);
      exigirPasswordFuerte(nueva, usuario.email);
      const passwordHash = await this.hasher.hash(nueva);
      const cambio = { passwordHash, estado: 'activa' as const, sesionConservada: actual.sesionId };
      const v = usuario.credencialVersion + 1;
      if (await this.credenciales.cambiar(usuario, cambio))
        return void (await this.eventos.emitAsync(CONTRASENA_CAMBIADA, {
          usuarioId: usuario.id,
          version: v,
        }));
      usuario = await this.credenciales.vigente(usuario);
    }
  }

  /**
   * Passwords are hashed in NFC; one stored before that was hashed as typed. Only a password that
   * NFC changes pays a second comparison, so a legacy decomposed accent still logs in.
   */
  private async coincide(password: string, hash: string | null | undefined): Promise<boolean> {
    const nfc = normalizarPassword(password);
    if (await this.hasher.verificar(nfc, hash)) return true;
    return nfc !== password && this.hasher.verificar(password, hash);
  }
}
