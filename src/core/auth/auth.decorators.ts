import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { MARCA_CUENTA_PROPIA, MARCA_PUBLICA } from 'src/core/docs/openapi-ajustes';
import { ApiError } from 'src/core/docs/respuestas-error';
import { Rol, UsuarioActual } from './roles';

export const ES_PUBLICA = 'parknet:publica';
export const ROLES_PERMITIDOS = 'parknet:roles';
export const CUENTA_PROPIA = 'parknet:cuenta-propia';

/**
 * Authentication is global; a route that needs none says so here, and its OpenAPI operation gets
 * `security: []` (core/docs/openapi-ajustes.ts) from the same decorator.
 */
export const Publica = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ES_PUBLICA, true), ApiExtension(MARCA_PUBLICA, true));

/**
 * Who may call the route, and the matching OpenAPI security and error responses, in one place so
 * documentation and enforcement cannot drift. No roles means "any signed-in user". `admin` on a
 * GET route admits the revisor too, and the revisor is refused every write (`rolAdmitido` in
 * roles.ts); the 403 of a write that names no role is documented by `documentarSoloLectura`.
 */
export function Autenticado(...roles: Rol[]): MethodDecorator & ClassDecorator {
  const decoradores = [
    SetMetadata(ROLES_PERMITIDOS, roles),
    ApiBearerAuth(),
    ApiError(401, ['NO_AUTENTICADO'], 'token ausente, vencido, revocado o inválido.'),
  ];
  if (roles.length > 0) {
    const revisor = roles.includes('admin') ? ' (el revisor solo en consultas)' : '';
    decoradores.push(ApiError(403, ['PROHIBIDO'], `solo ${roles.join(', ')}${revisor}.`));
  }
  return applyDecorators(...decoradores);
}

/**
 * A write on the caller's own account (logout, own password): open to every role, the revisor
 * included. The only way a write admits the revisor; a route acting on anything else must not use it.
 */
export const CuentaPropia = (): MethodDecorator =>
  applyDecorators(SetMetadata(CUENTA_PROPIA, true), ApiExtension(MARCA_CUENTA_PROPIA, true));

export const UsuarioAutenticado = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): UsuarioActual => {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { user?: UsuarioActual }>();
    if (!req.user) throw new Error('UsuarioAutenticado usado en una ruta pública');
    return req.user;
  },
);
