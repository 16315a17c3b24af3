import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ROLES, UsuarioActual } from 'src/core/auth/roles';
import { esObjectId } from 'src/shared/validation/parse-object-id.pipe';
import { CredencialesService } from './credenciales.service';
import { JWT_KEY } from './jwt-key.provider';
import { SesionesRepository } from './sesiones.repository';
import { AccessPayload } from './token.types';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_KEY) key: KeyObject,
    private readonly sesiones: SesionesRepository,
    private readonly credenciales: CredencialesService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands this straight to jsonwebtoken, which accepts a KeyObject.
      secretOrKey: key as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /**
   * A valid signature is not enough: the session must still be open (logout revokes at once), and
   * no password change, activation or baja may have come after the credentials it was opened with.
   */
  async validate(p: Partial<AccessPayload>): Promise<UsuarioActual | false> {
    if (
      p.typ !== 'access' ||
      !esObjectId(p.sub) ||
      !esObjectId(p.sid) ||
      !ROLES.includes(p.rol as never)
    ) {
      return false;
    }
    const version = await this.sesiones.versionSiActiva(p.sid, p.sub, new Date());
    if (version === null) return false;
    if (!(await this.credenciales.sesionVigente(p.sub, p.sid, version))) return false;
    return { id: p.sub, rol: p.rol!, residenteId: p.rid ?? null, sesionId: p.sid };
  }
}
