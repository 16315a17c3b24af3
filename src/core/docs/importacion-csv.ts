import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse } from '@nestjs/swagger';
import { ResultadoImportacionDto } from 'src/shared/csv/resultado-importacion.dto';
import { ApiError } from './respuestas-error';

/**
 * What every CSV import route answers, whatever it imports: one place, so that the residents' and
 * the spots' imports cannot drift apart in how they document the body, the result and the errors
 * the shared CSV reader gives. Each route still names its own 409s.
 */
export function ApiImportacionCsv(recurso: string, ejemplo: string): MethodDecorator {
  return applyDecorators(
    ApiConsumes('text/csv'),
    ApiBody({ schema: { type: 'string', example: ejemplo } }),
    ApiOkResponse({ type: ResultadoImportacionDto }),
    ApiError(
      400,
      ['VALIDACION'],
      `el archivo no se puede leer como CSV de ${recurso} (cabecera, comillas, más filas de las admitidas).`,
    ),
    ApiError(415, ['TIPO_CONTENIDO_NO_SOPORTADO'], 'el cuerpo debe enviarse como text/csv.'),
  );
}
