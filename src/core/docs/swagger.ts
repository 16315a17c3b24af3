import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBodyDto } from 'src/shared/errors/error-body.dto';

const DESCRIPCION = `API de ParkNet: registro de residentes, solicitudes de parqueadero y sorteo ponderado verificable.

Errores: todo error responde \`{ statusCode, error, code, message }\`; \`code\` es estable
(VALIDACION, NO_AUTENTICADO, PROHIBIDO, NO_ENCONTRADO, DEMASIADOS_INTENTOS, BD_NO_DISPONIBLE y los
códigos de regla de negocio que cada operación documenta). Listas: \`?page=1&limit=20\` (limit 1..100),
respuesta \`{ data, meta: { total, page, limit } }\`, lo más reciente primero.`;

/** Swagger UI at /docs and the OpenAPI 3 document at /docs-json. */
export function configurarSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('ParkNet API')
    .setDescription(DESCRIPCION)
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const documento = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto] });
  documentarBdNoDisponible(documento);
  documentarLimitePorUsuario(documento);
  SwaggerModule.setup('docs', app, documento, { jsonDocumentUrl: 'docs-json' });
}

/**
 * Any route can meet an unreachable database; the 503 is added here once for every operation,
 * instead of on each handler where it would be forgotten.
 */
function documentarBdNoDisponible(documento: OpenAPIObject): void {
  for (const ruta of Object.values(documento.paths)) {
    for (const metodo of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operacion = ruta[metodo];
      if (!operacion || operacion.responses['503']) continue;
      operacion.responses['503'] = {
        description:
          'BD_NO_DISPONIBLE: la base de datos no responde; reintente (cabecera Retry-After).',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } },
      };
    }
  }
}

/**
 * Every authenticated operation counts against the per-user request limit (JwtAuthGuard); the
 * 429 is added here once, to each operation that requires a bearer token.
 */
function documentarLimitePorUsuario(documento: OpenAPIObject): void {
  for (const ruta of Object.values(documento.paths)) {
    for (const metodo of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operacion = ruta[metodo];
      if (!operacion?.security?.length || operacion.responses['429']) continue;
      operacion.responses['429'] = {
        description:
          'DEMASIADOS_INTENTOS: demasiadas solicitudes del usuario en un minuto (LIMITE_SOLICITUDES_POR_MINUTO); reintente tras la cabecera Retry-After.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } },
      };
    }
  }
}
