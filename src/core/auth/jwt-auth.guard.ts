import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { authConfig } from 'src/core/config/auth.config';
import { DemasiadosIntentosError, NoAutenticadoError } from 'src/shared/errors/domain-error';
import { ES_PUBLICA } from './auth.decorators';
import { LimiteSolicitudes } from './limite-solicitudes';
import { UsuarioActual } from './roles';

/**
 * Global guard: every route needs a valid access token unless marked @Publica(), and each user
 * gets at most LIMITE_SOLICITUDES_POR_MINUTO authenticated requests a minute on this instance.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly limite: LimiteSolicitudes;

  constructor(
    private readonly reflector: Reflector,
    @Inject(authConfig.KEY) cfg: ConfigType<typeof authConfig>,
  ) {
    super();
    this.limite = new LimiteSolicitudes(cfg.limiteSolicitudesPorMinuto);
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
    const espera = this.limite.registrar((user as unknown as UsuarioActual).id, Date.now());
    if (espera !== null) {
      throw new DemasiadosIntentosError(
        espera,
        `Demasiadas solicitudes en poco tiempo. Intente de nuevo en ${espera} segundo(s).`,
      );
    }
    return user;
  }
}
