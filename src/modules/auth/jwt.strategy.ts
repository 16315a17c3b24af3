import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ROLES, UsuarioActual } from 'src/core/auth/roles';
import { esObjectId } from 'src/shared/validation/parse-object-id.pipe';
import { JWT_KEY } from './jwt-key.provider';
import { SesionesRepository } from './sesiones.repository';
import { AccessPayload } from './token.types';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_KEY) key: KeyObject,
    private readonly sesiones: SesionesRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands this straight to jsonwebtoken, which accepts a KeyObject.
      secretOrKey: key as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /** A valid signature is not enough: the session must still be open (logout revokes at once). */
  async validate(p: Partial<AccessPayload>): Promise<UsuarioActual | false> {
    if (
      p.typ !== 'access' ||
      !esObjectId(p.sub) ||
      !esObjectId(p.sid) ||
      !ROLES.includes(p.rol as never)
    ) {
      return false;
    }
    if (!(await this.sesiones.estaActiva(p.sid, p.sub, new Date()))) return false;
    return { id: p.sub, rol: p.rol!, residenteId: p.rid ?? null, sesionId: p.sid };
  }
}
