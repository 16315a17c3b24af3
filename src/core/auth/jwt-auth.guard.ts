import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { NoAutenticadoError } from 'src/shared/errors/domain-error';
import { ES_PUBLICA } from './auth.decorators';

/** Global guard: every route needs a valid access token unless marked @Publica(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(ctx: ExecutionContext) {
    const publica = this.reflector.getAllAndOverride<boolean>(ES_PUBLICA, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    return publica ? true : super.canActivate(ctx);
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err instanceof Error && !(err instanceof NoAutenticadoError)) throw err;
    if (err || !user) throw new NoAutenticadoError();
    return user;
  }
}
