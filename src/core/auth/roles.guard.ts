import { CanActivate, ExecutionContext, Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ProhibidoError } from 'src/shared/errors/domain-error';
import { CUENTA_PROPIA, ES_PUBLICA, ROLES_PERMITIDOS } from './auth.decorators';
import { Rol, rolAdmitido, UsuarioActual } from './roles';

const LECTURAS = new Set<number>([RequestMethod.GET, RequestMethod.HEAD]);

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const destinos = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(ES_PUBLICA, destinos)) return true;
    const user = ctx.switchToHttp().getRequest<{ user?: UsuarioActual }>().user;
    if (!user) throw new ProhibidoError();
    const regla = {
      roles: this.reflector.getAllAndOverride<Rol[] | undefined>(ROLES_PERMITIDOS, destinos) ?? [],
      lectura: this.esLectura(ctx),
      cuentaPropia: this.reflector.getAllAndOverride<boolean>(CUENTA_PROPIA, destinos) === true,
    };
    if (!rolAdmitido(regla, user.rol))
      throw new ProhibidoError(mensajePara(user.rol, regla.lectura));
    return true;
  }

  /**
   * The method the handler is declared with, not the request's: a HEAD that Fastify answers with
   * a GET handler is a read, and nothing a client sends can turn a write into one.
   */
  private esLectura(ctx: ExecutionContext): boolean {
    const metodo = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, ctx.getHandler());
    return metodo !== undefined && LECTURAS.has(metodo);
  }
}

function mensajePara(rol: Rol, lectura: boolean): string | undefined {
  if (rol === 'revisor' && !lectura)
    return 'El rol revisor solo puede consultar: no puede hacer cambios.';
  return undefined;
}
