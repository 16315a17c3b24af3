import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
  const documento = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, documento, { jsonDocumentUrl: 'docs-json' });
}
