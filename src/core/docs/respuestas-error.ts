import { applyDecorators } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type {
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ErrorBodyDto } from 'src/shared/errors/error-body.dto';

/**
 * The error body of one status, with the `code`s that status can carry on that route as an enum:
 * a generated client can then switch on `code` exhaustively, and the e2e validation fails when a
 * route answers a code its document does not list.
 */
export function esquemaDeError(status: number, codigos: readonly string[]): SchemaObject {
  return {
    allOf: [
      { $ref: getSchemaPath(ErrorBodyDto) },
      {
        type: 'object',
        required: ['statusCode', 'code'],
        properties: {
          statusCode: { type: 'integer', enum: [status] },
          error: { type: 'string', enum: [STATUS_CODES[status] ?? 'Error'] },
          code: { type: 'string', enum: [...codigos] },
        },
      },
    ],
  };
}

/** The error answers that tell the client when to try again (shared/errors/error-body.ts). */
const CON_RETRY_AFTER = new Set([429, 503]);

export function respuestaDeError(
  status: number,
  codigos: readonly string[],
  explicacion?: string,
): ResponseObject {
  const lista = codigos.join(', ');
  return {
    description: explicacion ? `${lista}: ${explicacion}` : lista,
    ...(CON_RETRY_AFTER.has(status)
      ? {
          headers: {
            'Retry-After': {
              required: true,
              description: 'Segundos que conviene esperar antes de reintentar.',
              schema: { type: 'integer', minimum: 0 },
            },
          },
        }
      : {}),
    content: { 'application/json': { schema: esquemaDeError(status, codigos) } },
  };
}

/** `@ApiResponse` for an error status of a route, listing every `code` it can answer. */
export function ApiError(
  status: number,
  codigos: readonly string[],
  explicacion?: string,
): MethodDecorator & ClassDecorator {
  const { description, content, headers } = respuestaDeError(status, codigos, explicacion);
  const schema = content?.['application/json'].schema as SchemaObject | ReferenceObject;
  return applyDecorators(
    ApiExtraModels(ErrorBodyDto),
    ApiResponse({ status, description, schema, headers }),
  );
}
