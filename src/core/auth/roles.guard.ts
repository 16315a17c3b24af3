import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProhibidoError } from 'src/shared/errors/domain-error';
import { ES_PUBLICA, ROLES_PERMITIDOS } from './auth.decorators';
import { Rol, UsuarioActual } from './roles';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const destinos = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(ES_PUBLICA, destinos)) return true;
    const roles =
      this.reflector.getAllAndOverride<Rol[] | undefined>(ROLES_PERMITIDOS, destinos) ?? [];
    if (roles.length === 0) return true;
    const user = ctx.switchToHttp().getRequest<{ user?: UsuarioActual }>().user;
    if (!user || !roles.includes(user.rol)) throw new ProhibidoError();
    return true;
  }
}
