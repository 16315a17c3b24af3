import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { UsuarioActual } from 'src/core/auth/roles';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import {
  CredencialesInvalidasError,
  NoAutenticadoError,
  SolicitudInvalidaError,
} from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { sha256Hex } from 'src/shared/utils/crypto';
import { CUENTA_ACTIVADA, CuentaActivadaEvento } from './auth.events';
import { SesionDto, UsuarioDto } from './dto/sesion-response.dto';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { exigirPasswordFuerte } from './password-policy';
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
    private readonly eventos: EventEmitter2,
  ) {}

  async login(email: string, password: string, ip: string): Promise<SesionDto> {
    const ahora = new Date();
    const intento = await this.throttle.iniciar(email, ip, ahora);
    const usuario = await this.usuarios.buscarPorEmail(email);
    const valido = await this.hasher.verificar(password, usuario?.passwordHash);
    if (!usuario || !valido || usuario.estado !== 'activa') {
      await this.throttle.fallo(email, ip, ahora);
      throw new CredencialesInvalidasError();
    }
    await this.throttle.exito(intento);
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
   * before the claim, so a weak password does not burn the token.
   */
  async activar(token: string, password: string): Promise<SesionDto> {
    const hash = sha256Hex(token);
    const usuario = await this.usuarios.buscarPorActivacion(hash);
    const ahora = new Date();
    const vigente = !!usuario?.activacionExpira && usuario.activacionExpira > ahora;
    if (!usuario || usuario.estado === 'deshabilitada' || !vigente) {
      throw new SolicitudInvalidaError(CodigoError.TOKEN_INVALIDO, TOKEN_INVALIDO);
    }
    exigirPasswordFuerte(password, usuario.email);
    if (!(await this.reclamos.reclamarUnaVez(`activacion:${hash}`, usuario.id))) {
      throw new SolicitudInvalidaError(CodigoError.TOKEN_INVALIDO, TOKEN_INVALIDO);
    }
    // On an active account the token is an administration-issued reset: old sessions end.
    if (usuario.estado === 'activa') await this.sesiones.cerrarTodas(usuario.id);
    const passwordHash = await this.hasher.hash(password);
    if (!(await this.usuarios.activar(usuario.id, passwordHash))) {
      throw new SolicitudInvalidaError(CodigoError.TOKEN_INVALIDO, TOKEN_INVALIDO);
    }
    const sesion = await this.sesiones.abrir({ ...usuario, passwordHash, estado: 'activa' }, ahora);
    // A baja racing this activation wrote `deshabilitada` and revoked sessions; if it landed
    // between our write and our session, the session must not survive it.
    const despues = await this.usuarios.buscarPorId(usuario.id);
    if (despues?.estado !== 'activa') {
      await this.sesiones.cerrarTodas(usuario.id);
      throw new SolicitudInvalidaError(CodigoError.TOKEN_INVALIDO, TOKEN_INVALIDO);
    }
    await this.publicarCuentaActiva(usuario);
    return sesion;
  }

  /** Keeps residente.cuenta in step; repeated on every login, so a lost event heals itself. */
  private async publicarCuentaActiva(usuario: UsuarioEntidad): Promise<void> {
    if (!usuario.residenteId) return;
    const evento: CuentaActivadaEvento = { residenteId: usuario.residenteId };
    await this.eventos.emitAsync(CUENTA_ACTIVADA, evento);
  }

  async cambiarPassword(
    actual: UsuarioActual,
    passwordActual: string,
    passwordNueva: string,
  ): Promise<void> {
    const usuario = await this.usuarios.buscarPorId(actual.id);
    if (!usuario || !(await this.hasher.verificar(passwordActual, usuario.passwordHash))) {
      // A 400, not a 401: the session is fine, and a 401 would make clients log the person out.
      throw new SolicitudInvalidaError(
        CodigoError.PASSWORD_ACTUAL_INCORRECTA,
        'La contraseña actual no es correcta.',
      );
    }
    exigirPasswordFuerte(passwordNueva, usuario.email);
    await this.usuarios.actualizar(usuario.id, {
      passwordHash: await this.hasher.hash(passwordNueva),
    });
    await this.sesiones.cerrarTodas(usuario.id, actual.sesionId);
  }
}
