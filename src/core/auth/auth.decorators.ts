import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ErrorBodyDto } from 'src/shared/errors/error-body.dto';
import { Rol, UsuarioActual } from './roles';

export const ES_PUBLICA = 'parknet:publica';
export const ROLES_PERMITIDOS = 'parknet:roles';

/** Authentication is global; a route that needs none says so here. */
export const Publica = (): MethodDecorator & ClassDecorator => SetMetadata(ES_PUBLICA, true);

/**
 * Who may call the route, and the matching OpenAPI security and error responses, in one place so
 * documentation and enforcement cannot drift. No roles means "any signed-in user".
 */
export function Autenticado(...roles: Rol[]): MethodDecorator & ClassDecorator {
  const decoradores = [
    SetMetadata(ROLES_PERMITIDOS, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'NO_AUTENTICADO: token ausente, vencido, revocado o inválido.',
      type: ErrorBodyDto,
    }),
  ];
  if (roles.length > 0) {
    decoradores.push(
      ApiForbiddenResponse({
        description: `PROHIBIDO: solo ${roles.join(', ')}.`,
        type: ErrorBodyDto,
      }),
    );
  }
  return applyDecorators(...decoradores);
}

export const UsuarioAutenticado = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): UsuarioActual => {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { user?: UsuarioActual }>();
    if (!req.user) throw new Error('UsuarioAutenticado usado en una ruta pública');
    return req.user;
  },
);
