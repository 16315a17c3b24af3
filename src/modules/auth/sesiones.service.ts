import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { authConfig } from 'src/core/config/auth.config';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { NoAutenticadoError } from 'src/shared/errors/domain-error';
import { sha256Hex, tokenAleatorio } from 'src/shared/utils/crypto';
import { esObjectId } from 'src/shared/validation/parse-object-id.pipe';
import { SesionDto } from './dto/sesion-response.dto';
import { SesionesRepository } from './sesiones.repository';
import { AccessPayload } from './token.types';
import { aUsuarioDto } from './usuario.mapper';
import { UsuarioEntidad, UsuariosRepository } from './usuarios.repository';

const SESION_INVALIDA = 'La sesión no es válida o ya terminó. Inicie sesión de nuevo.';

/**
 * Sessions and their tokens. The refresh token is `<sesionId>.<secreto>`, stored only as a
 * SHA-256 hash, and rotates on every use. "Was this token already used?" is decided by inserting
 * a claim keyed by its hash: exactly one of any number of concurrent uses wins, and any later use
 * is reuse, treated as theft: the whole session is revoked.
 */
@Injectable()
export class SesionesService {
  constructor(
    private readonly sesiones: SesionesRepository,
    private readonly reclamos: ReclamosRepository,
    private readonly usuarios: UsuariosRepository,
    private readonly jwt: JwtService,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  async abrir(usuario: UsuarioEntidad, ahora = new Date()): Promise<SesionDto> {
    const id = this.sesiones.idNuevo();
    const refreshToken = `${id}.${tokenAleatorio()}`;
    await this.sesiones.crear({
      id,
      usuarioId: usuario.id,
      refreshHash: sha256Hex(refreshToken),
      expiraEn: this.expiracionRefresh(ahora),
    });
    return this.emitir(usuario, id, refreshToken);
  }

  async rotar(refreshToken: string, ahora = new Date()): Promise<SesionDto> {
    const sid = refreshToken.split('.', 1)[0];
    if (!esObjectId(sid)) throw new NoAutenticadoError(SESION_INVALIDA);
    const sesion = await this.sesiones.buscarPorId(sid);
    if (!sesion || sesion.revocadaEn) throw new NoAutenticadoError(SESION_INVALIDA);
    const hash = sha256Hex(refreshToken);
    if (!(await this.reclamos.reclamar(`refresh:${hash}`, sid))) {
      await this.sesiones.revocar(sid, ahora);
      throw new NoAutenticadoError('Este token de renovación ya fue usado; por seguridad se cerró la sesión.');
    }
    if (sesion.refreshHash !== hash || sesion.expiraEn <= ahora) throw new NoAutenticadoError(SESION_INVALIDA);
    const usuario = await this.usuarios.buscarPorId(sesion.usuarioId);
    if (!usuario || usuario.estado !== 'activa') {
      await this.sesiones.revocar(sid, ahora);
      throw new NoAutenticadoError(SESION_INVALIDA);
    }
    const nuevo = `${sid}.${tokenAleatorio()}`;
    await this.sesiones.rotar(sid, sha256Hex(nuevo), this.expiracionRefresh(ahora));
    return this.emitir(usuario, sid, nuevo);
  }

  async cerrar(sesionId: string, ahora = new Date()): Promise<void> {
    await this.sesiones.revocar(sesionId, ahora);
  }

  async cerrarTodas(usuarioId: string, excepto?: string, ahora = new Date()): Promise<void> {
    await this.sesiones.revocarDeUsuario(usuarioId, ahora, excepto);
  }

  private async emitir(u: UsuarioEntidad, sid: string, refreshToken: string): Promise<SesionDto> {
    const payload: AccessPayload = { sub: u.id, sid, rol: u.rol, rid: u.residenteId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.cfg.accessTtlSeconds });
    return {
      accessToken,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.cfg.accessTtlSeconds,
      usuario: aUsuarioDto(u),
    };
  }

  private expiracionRefresh(ahora: Date): Date {
    return new Date(ahora.getTime() + this.cfg.refreshTtlSeconds * 1000);
  }
}
