import { applyDecorators, Controller, Get, Param, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Autenticado, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import type { UsuarioActual } from 'src/core/auth/roles';
import { ApiError } from 'src/core/docs/respuestas-error';
import { ParseObjectIdPipe } from 'src/shared/validation/parse-object-id.pipe';
import { noModificado } from '../etiqueta-resultado';
import { ResultadosService } from '../resultados.service';
import { ActaService } from './acta.service';

const ETAG = {
  ETag: {
    required: true,
    description: 'Versión de este documento: cambia con cada movimiento y con la anulación.',
    schema: { type: 'string' },
  },
};
const BINARIO = { type: 'string', format: 'binary' } as const;

/** Both downloads answer `If-None-Match` with 304, and 404 for an id with no complete draw. */
const ConEtiqueta = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'El ETag de una descarga anterior: si sigue vigente, 304 sin cuerpo.',
    }),
    ApiResponse({ status: 304, description: 'If-None-Match coincide con el ETag actual.' }),
    ApiError(404, ['NO_ENCONTRADO'], 'no existe un sorteo completo con ese id.'),
  );

/** The paper trail of a draw (docs/acta.md): thin, as every controller. */
@ApiTags('sorteo')
@ApiError(400, ['VALIDACION'])
@Controller('sorteo')
export class ActaController {
  constructor(
    private readonly acta: ActaService,
    private readonly resultados: ResultadosService,
  ) {}

  @Get('resultados/:id/acta.pdf')
  @Autenticado()
  @ApiOperation({
    summary: 'Acta del sorteo en PDF (A4, en español) para imprimir, firmar y presentar',
    description:
      'Nombre del conjunto (CONJUNTO_NOMBRE), sorteo, fecha y quién lo ejecutó; algoritmo, origen de la semilla, ' +
      'semilla e insumosHash (y en un sorteo anunciado el compromiso, el secreto, las fuentes públicas y sus valores); ' +
      'configuración; cifras; por tipo de vehículo la tabla de unidades con resultado, parqueadero y posición en espera ' +
      '(solo unidades: nunca nombres, documentos, placas ni atributos de prioridad); movimientos; anulación; cómo ' +
      'verificarlo (URL y código QR, y el script sin conexión) y líneas de firma. La misma para todos los roles. ' +
      'Mismos bytes para el mismo resultado y movimientos; ETag calculado sin generar el documento.',
  })
  @ApiOkResponse({
    description: 'El acta, en streaming.',
    headers: ETAG,
    content: { 'application/pdf': { schema: BINARIO } },
  })
  @ConEtiqueta()
  async actaPdf(
    @Param('id', ParseObjectIdPipe) id: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const a = await this.acta.preparar(id);
    if (noModificado(req, reply, a.etag)) return undefined;
    return new StreamableFile(await this.acta.pdf(a), {
      type: 'application/pdf',
      disposition: `inline; filename="acta-sorteo-${id}.pdf"`,
    });
  }

  @Get('resultados/:id/participantes.csv')
  @Autenticado()
  @ApiOperation({
    summary: 'Todos los participantes en CSV (UTF-8 con BOM, para Excel), en streaming',
    description:
      'Las mismas filas, en el mismo orden y con la misma visibilidad que GET /sorteo/resultados/{id}/participantes: ' +
      'un residente las recibe en orden de unidad, con los campos privados vacíos salvo en las de su unidad, y sin las ' +
      'columnas residenteId y residenteNombre. Una fila de encabezado; booleanos true/false; fin de línea CRLF.',
  })
  @ApiOkResponse({
    description: 'El archivo, como adjunto.',
    headers: ETAG,
    content: { 'text/csv': { schema: BINARIO } },
  })
  @ConEtiqueta()
  async participantesCsv(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const d = await this.acta.csv(id, await this.resultados.espectador(u));
    if (noModificado(req, reply, d.etag)) return undefined;
    return new StreamableFile(d.cuerpo(), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="participantes-sorteo-${id}.csv"`,
    });
  }
}
