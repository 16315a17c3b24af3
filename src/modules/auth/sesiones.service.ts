import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { authConfig } from 'src/core/config/auth.config';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { NoAutenticadoError } from 'src/shared/errors/domain-error';
import { sha256Hex, tokenAleatorio } from 'src/shared/utils/crypto';
import { CredencialesService } from './credenciales.service';
import { SesionDto } from './dto/sesion-response.dto';
import { SesionesRepository } from './sesiones.repository';
import { AccessPayload } from './token.types';
import { aUsuarioDto } from './usuario.mapper';
import { UsuarioEntidad, UsuariosRepository } from './usuarios.repository';

const SESION_INVALIDA = 'La sesión no es válida o ya terminó. Inicie sesión de nuevo.';

/**
 * Sessions and their tokens. A refresh token is an opaque random string stored only as its
 * SHA-256, and rotates on every use. "Was this token already used?" is decided by inserting a
 * claim keyed by its hash: exactly one of any number of concurrent uses wins, and any later use
 * of an issued token is reuse, treated as theft: the whole session is revoked. Unknown tokens get
 * a plain 401 and leave nothing behind.
 */
@Injectable()
export class SesionesService {
  constructor(
    private readonly sesiones: SesionesRepository,
    private readonly reclamos: ReclamosRepository,
    private readonly usuarios: UsuariosRepository,
    private readonly credenciales: CredencialesService,
    private readonly jwt: JwtService,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  /** `usuario` as read through CredencialesService.vigente: the session records its version. */
  async abrir(usuario: UsuarioEntidad, ahora = new Date()): Promise<SesionDto> {
    const id = this.sesiones.idNuevo();
    const expiraEn = new Date(ahora.getTime() + this.cfg.refreshTtlSeconds * 1000);
    await this.sesiones.crear({
      id,
      usuarioId: usuario.id,
      expiraEn,
      credencialVersion: usuario.credencialVersion,
    });
    // A password in the wrong hands cannot pile up sessions: the oldest beyond the cap end.
    await this.sesiones.revocarExcedentes(usuario.id, this.cfg.sesionesMaxPorUsuario, ahora);
    return this.emitir(usuario, id, expiraEn);
  }

  async rotar(refreshToken: string, ahora = new Date()): Promise<SesionDto> {
    const hash = sha256Hex(refreshToken);
    const token = await this.sesiones.buscarRefresh(hash);
    if (!token) throw new NoAutenticadoError(SESION_INVALIDA);
    const sesion = await this.sesiones.buscarPorId(token.sesionId);
    if (!sesion || sesion.revocadaEn || sesion.expiraEn <= ahora)
      throw new NoAutenticadoError(SESION_INVALIDA);
    if (!(await this.reclamos.reclamarUnaVez(`refresh:${hash}`, sesion.id))) {
      await this.sesiones.revocar(sesion.id, ahora);
      throw new NoAutenticadoError(
        'Este token de renovación ya fue usado; por seguridad se cerró la sesión.',
      );
    }
    const leido = await this.usuarios.buscarPorId(sesion.usuarioId);
    const usuario = leido && (await this.credenciales.vigente(leido));
    const vigente =
      !!usuario &&
      usuario.estado === 'activa' &&
      (await this.credenciales.sesionVigente(usuario.id, sesion.id, sesion.credencialVersion));
    if (!usuario || !vigente) {
      await this.sesiones.revocar(sesion.id, ahora);
      throw new NoAutenticadoError(SESION_INVALIDA);
    }
    return this.emitir(usuario, sesion.id, sesion.expiraEn);
  }

  async cerrar(sesionId: string, ahora = new Date()): Promise<void> {
    await this.sesiones.revocar(sesionId, ahora);
  }

  async cerrarTodas(usuarioId: string, excepto?: string, ahora = new Date()): Promise<void> {
    await this.sesiones.revocarDeUsuario(usuarioId, ahora, excepto);
  }

  private async emitir(u: UsuarioEntidad, sid: string, expiraEn: Date): Promise<SesionDto> {
    const refreshToken = tokenAleatorio();
    await this.sesiones.guardarRefresh({ hash: sha256Hex(refreshToken), sesionId: sid, expiraEn });
    const payload: AccessPayload = {
      sub: u.id,
      sid,
      rol: u.rol,
      rid: u.residenteId,
      typ: 'access',
    };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.cfg.accessTtlSeconds });
    return {
      accessToken,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.cfg.accessTtlSeconds,
      usuario: aUsuarioDto(u),
    };
  }
}
