import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBodyDto } from 'src/shared/errors/error-body.dto';
import {
  aplanarReferenciasNulables,
  documentarErroresComunes,
  documentarSoloLectura,
  exigirSeguridadExplicita,
} from './openapi-ajustes';

const DESCRIPCION = `API de ParkNet: registro de residentes, solicitudes de parqueadero y sorteo ponderado verificable.

Errores: todo error responde \`{ statusCode, error, code, message }\`; \`code\` es estable
(VALIDACION, NO_AUTENTICADO, PROHIBIDO, NO_ENCONTRADO, DEMASIADOS_INTENTOS, BD_NO_DISPONIBLE y los
códigos de regla de negocio que cada operación documenta). Listas: \`?page=1&limit=20\` (limit 1..100),
respuesta \`{ data, meta: { total, page, limit } }\`, lo más reciente primero.`;

/**
 * The OpenAPI 3 document the front ends generate their clients from. It needs only the module
 * graph, not the database, so `scripts/exportar-openapi.ts` builds it from an app in preview mode.
 */
export function crearDocumentoOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ParkNet API')
    .setDescription(DESCRIPCION)
    .setVersion('1.0')
    // There is no global prefix and each complex runs its own server: the document's own origin.
    .addServer('/', 'El servidor que publica este documento')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  // The package is private (UNLICENSED in package.json): no public licence to point to.
  config.info.license = {
    name: 'Propietario (UNLICENSED): software privado, sin licencia pública',
  };
  const documento = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto] });
  exigirSeguridadExplicita(documento);
  documentarSoloLectura(documento);
  documentarErroresComunes(documento);
  aplanarReferenciasNulables(documento);
  return documento;
}

/** Swagger UI at /docs and the OpenAPI 3 document at /docs-json. */
export function configurarSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, crearDocumentoOpenApi(app), { jsonDocumentUrl: 'docs-json' });
}
