import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Autenticado, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import type { UsuarioActual } from 'src/core/auth/roles';
import { ApiError } from 'src/core/docs/respuestas-error';
import { Pagina, PaginaDto } from 'src/shared/pagination/pagina';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';
import { ParseObjectIdPipe } from 'src/shared/validation/parse-object-id.pipe';
import {
  ConfigPrioridadDto,
  ConfigPrioridadRespuestaDto,
} from 'src/modules/config-prioridad/dto/config-prioridad.dto';
import { ConfigPrioridadService } from 'src/modules/config-prioridad/config-prioridad.service';
import { AnulacionService } from './anulacion.service';
import { AnularSorteoDto } from './dto/anular-sorteo.dto';
import { ListarParticipantesQuery } from './dto/listar-participantes.query';
import { ParametrosSorteoDto } from './dto/parametros-sorteo.dto';
import { EjecutarConvocatoriaDto } from './dto/ejecutar-convocatoria.dto';
import {
  CuerpoEjecutarPipe,
  esDeConvocatoria,
  type CuerpoEjecutar,
} from './dto/cuerpo-ejecutar.pipe';
import {
  MiAsignacionDto,
  ParticipanteDto,
  ResultadoSorteoDto,
  ResumenSorteoDto,
  VerificacionDto,
} from './dto/resultado-sorteo.dto';
import { etiquetaResultado, noModificado } from './etiqueta-resultado';
import { resultadoComoJson } from './resultado-json';
import { aParticipanteDto, aResumenSorteoDto } from './resultado.mapper';
import { ResultadosService } from './resultados.service';
import { SorteoService } from './sorteo.service';

const NoEncontrado = (): MethodDecorator =>
  ApiError(404, ['NO_ENCONTRADO'], 'no existe un sorteo completo con ese id.');

@ApiTags('sorteo')
@ApiError(400, ['VALIDACION'])
@Controller('sorteo')
export class SorteoController {
  constructor(
    private readonly config: ConfigPrioridadService,
    private readonly sorteo: SorteoService,
    private readonly anulacion: AnulacionService,
    private readonly resultados: ResultadosService,
  ) {}

  @Get('config')
  @Autenticado('admin')
  @ApiOperation({ summary: 'Configuración de prioridad (valores por defecto si nunca se cambió)' })
  @ApiOkResponse({ type: ConfigPrioridadRespuestaDto })
  obtenerConfig(): Promise<ConfigPrioridadRespuestaDto> {
    return this.config.obtener();
  }

  @Put('config')
  @Autenticado('admin')
  @ApiOperation({
    summary: 'Reemplazar la configuración de prioridad (aplica a los próximos sorteos)',
  })
  @ApiOkResponse({ type: ConfigPrioridadRespuestaDto })
  reemplazarConfig(
    @Body() dto: ConfigPrioridadDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ConfigPrioridadRespuestaDto> {
    return this.config.reemplazar(dto, u);
  }

  @Post('ejecutar')
  @Autenticado('admin')
  @ApiOperation({
    summary: 'Ejecutar el sorteo (ES-SHA256-v1, o NIVELES-SHA256-v1 con config.modo "niveles")',
    description:
      'Dos cuerpos posibles. Sorteo inmediato (nombre, parqueaderos): la semilla la genera el servidor (origenSemilla "servidor"); una semilla en la solicitud solo se acepta ' +
      'con SORTEO_SEMILLA_MANUAL=true (origenSemilla "manual"). ' +
      'Sorteo anunciado (convocatoriaId, valoresPublicos): la convocatoria debe estar cerrada y su fechaSorteo cumplida; ' +
      'la semilla se deriva de insumosHash, el secreto del servidor y los valores públicos (origenSemilla "convocatoria"). Un cuerpo con campos de ambos es 400. ' +
      'Todo o nada: si el servidor cae a mitad, al reiniciar el sorteo queda completo o no queda nada ' +
      'y las solicitudes siguen aprobadas. Un solo sorteo o anulación a la vez entre todas las instancias.',
  })
  @ApiExtraModels(ParametrosSorteoDto, EjecutarConvocatoriaDto)
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(ParametrosSorteoDto) },
        { $ref: getSchemaPath(EjecutarConvocatoriaDto) },
      ],
    },
  })
  @ApiCreatedResponse({ type: ResultadoSorteoDto })
  @ApiError(
    400,
    ['VALIDACION', 'SEMILLA_MANUAL_DESHABILITADA'],
    'datos inválidos (o un valor público que no es válido en forma canónica, o tantos valores como fuentes no), o una semilla en un servidor que no acepta semillas manuales.',
  )
  @ApiError(404, ['NO_ENCONTRADO'], 'no existe la convocatoria.')
  @ApiError(
    409,
    [
      'SORTEO_EN_CURSO',
      'SIN_PARTICIPANTES',
      'CONVOCATORIA_ACTIVA',
      'CONVOCATORIA_NO_CERRADA',
      'CONVOCATORIA_NO_VENCIDA',
      'CONVOCATORIA_ALTERADA',
      'SIN_PARQUEADEROS',
    ],
    'hay otro sorteo o anulación en curso, no hay solicitudes aprobadas, hay una convocatoria cerrada (sorteo inmediato), la convocatoria no está cerrada o aún no llega su fecha, sus insumos congelados no coinciden con lo publicado, o (sin parqueaderos en la solicitud) el inventario no tiene parqueaderos activos.',
  )
  async ejecutar(
    @Body(CuerpoEjecutarPipe) dto: CuerpoEjecutar,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<StreamableFile> {
    if (esDeConvocatoria(dto)) {
      const r = await this.sorteo.ejecutarConvocatoria(
        dto.convocatoriaId,
        dto.valoresPublicos,
        u.id,
      );
      return json(resultadoComoJson(r, { rol: 'admin' }));
    }
    const parqueaderos = dto.parqueaderos?.map((p) => ({
      codigo: p.codigo,
      tipo: p.tipo,
      discapacidad: p.discapacidad ?? false,
    }));
    const r = await this.sorteo.ejecutar(
      { nombre: dto.nombre, parqueaderos, semilla: dto.semilla },
      u.id,
    );
    return json(resultadoComoJson(r, { rol: 'admin' }));
  }

  @Get('mi-asignacion')
  @Autenticado('residente')
  @ApiOperation({
    summary: 'Mis resultados en el último sorteo no anulado (vacío si no participé)',
  })
  @ApiOkResponse({ type: [MiAsignacionDto] })
  miAsignacion(@UsuarioAutenticado() u: UsuarioActual): Promise<MiAsignacionDto[]> {
    return u.residenteId ? this.resultados.miAsignacion(u.residenteId) : Promise.resolve([]);
  }

  @Get('resultados')
  @Autenticado()
  @ApiOperation({ summary: 'Sorteos realizados (incluidos los anulados), el más reciente primero' })
  @ApiOkResponse({ type: PaginaDto(ResumenSorteoDto) })
  async listar(@Query() q: PaginacionQueryDto): Promise<Pagina<ResumenSorteoDto>> {
    const pagina = await this.resultados.listar(q.page, q.limit);
    return { data: pagina.data.map(aResumenSorteoDto), meta: pagina.meta };
  }

  @Get('resultados/:id')
  @Autenticado()
  @ApiOperation({
    summary: 'Resultado completo con todos los participantes',
    description:
      'Un residente ve completas solo las entradas de su unidad; de las demás solo unidad, tipoVehiculo, ' +
      'resultado, parqueadero y posicionEspera, y de excluidas solo las de su unidad. ' +
      'Lleva ETag (cambia con cada movimiento, con la anulación y según quién consulta): ' +
      'con If-None-Match igual responde 304 sin cuerpo.',
  })
  @ApiOkResponse({
    type: ResultadoSorteoDto,
    headers: {
      ETag: { description: 'Versión de esta vista del resultado.', schema: { type: 'string' } },
    },
  })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'El ETag de una respuesta anterior: si sigue vigente, 304 sin cuerpo.',
  })
  @ApiResponse({ status: 304, description: 'If-None-Match coincide con el ETag actual.' })
  @NoEncontrado()
  async detalle(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const [d, e] = await Promise.all([this.resultados.detalle(id), this.resultados.espectador(u)]);
    if (noModificado(req, reply, etiquetaResultado(d.version, e))) return undefined;
    return json(resultadoComoJson(d.resultado, e, d.enOrden(e)));
  }

  @Get('resultados/:id/participantes')
  @Autenticado()
  @ApiOperation({
    summary: 'Participantes paginados, en el orden del resultado (misma visibilidad)',
    description:
      'Un residente los recibe ordenados por unidad (torre, apartamento) y tipo de vehículo, no en el orden del resultado, que revelaría quién ganó un cupo reservado.',
  })
  @ApiOkResponse({ type: PaginaDto(ParticipanteDto) })
  @NoEncontrado()
  async participantes(
    @Param('id', ParseObjectIdPipe) id: string,
    @Query() q: ListarParticipantesQuery,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<Pagina<ParticipanteDto>> {
    const { page, limit, ...filtro } = q;
    const e = await this.resultados.espectador(u);
    const pagina = await this.resultados.participantes(id, filtro, page, limit, e);
    return { data: pagina.data.map((p) => aParticipanteDto(p, e)), meta: pagina.meta };
  }

  @Get('resultados/:id/verificar')
  @Autenticado()
  @ApiOperation({
    summary: 'Recalcular el sorteo desde los insumos guardados y listar cada diferencia',
    description:
      'Un residente recibe solo valido y totalDiferencias (diferencias vacía): los detalles nombran pesos, etapas y claves de otros participantes.',
  })
  @ApiOkResponse({ type: VerificacionDto })
  @NoEncontrado()
  async verificar(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<VerificacionDto> {
    return this.resultados.verificar(id, await this.resultados.espectador(u));
  }

  @Post('resultados/:id/anular')
  @Autenticado('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Anular el último sorteo no anulado: sus solicitudes vuelven a aprobada',
  })
  @ApiOkResponse({ type: ResumenSorteoDto })
  @NoEncontrado()
  @ApiError(
    409,
    ['SORTEO_NO_ANULABLE', 'SORTEO_EN_CURSO'],
    'ya está anulado o hay uno más reciente, o hay un sorteo o anulación en curso.',
  )
  async anular(
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: AnularSorteoDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ResumenSorteoDto> {
    return aResumenSorteoDto(await this.anulacion.anular(id, dto.motivo, u.id));
  }
}

/** A whole result is streamed (resultado-json.ts); the documented body is ResultadoSorteoDto. */
function json(cuerpo: Readable): StreamableFile {
  return new StreamableFile(cuerpo, { type: 'application/json; charset=utf-8' });
}
