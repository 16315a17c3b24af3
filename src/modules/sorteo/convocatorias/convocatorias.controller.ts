import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Autenticado, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import type { UsuarioActual } from 'src/core/auth/roles';
import { ApiError } from 'src/core/docs/respuestas-error';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import { Pagina, PaginaDto } from 'src/shared/pagination/pagina';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';
import { ParseObjectIdPipe } from 'src/shared/validation/parse-object-id.pipe';
import { CancelacionConvocatoriaService } from './cancelacion-convocatoria.service';
import { CierreConvocatoriaService } from './cierre-convocatoria.service';
import { aConvocatoriaDto } from './convocatoria.mapper';
import { ConvocatoriasService } from './convocatorias.service';
import { CancelarConvocatoriaDto } from './dto/cancelar-convocatoria.dto';
import { ConvocatoriaDto, LineaParticipacionDto } from './dto/convocatoria.dto';
import { CrearConvocatoriaDto } from './dto/crear-convocatoria.dto';

const NoEncontrada = (): MethodDecorator =>
  ApiError(404, ['NO_ENCONTRADO'], 'no existe una convocatoria con ese id.');

@ApiTags('sorteo')
@ApiError(400, ['VALIDACION'])
@Controller('sorteo/convocatorias')
export class ConvocatoriasController {
  constructor(
    private readonly convocatorias: ConvocatoriasService,
    private readonly cierre: CierreConvocatoriaService,
    private readonly cancelacion: CancelacionConvocatoriaService,
  ) {}

  @Post()
  @Autenticado('admin')
  @ApiOperation({
    summary: 'Anunciar un sorteo: nombre, parqueaderos, fuentes públicas y fecha del sorteo',
    description:
      'Solo una convocatoria a la vez puede estar abierta o cerrada. fechaSorteo debe ser futura. Sin parqueaderos se usaría el inventario activo, que este servidor aún no ofrece: 400.',
  })
  @ApiCreatedResponse({ type: ConvocatoriaDto })
  @ApiError(
    409,
    ['CONVOCATORIA_ACTIVA', 'SIN_PARQUEADEROS'],
    'ya hay una convocatoria abierta o cerrada, o (sin parqueaderos en la solicitud) el inventario no tiene parqueaderos activos.',
  )
  async crear(
    @Body() dto: CrearConvocatoriaDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ConvocatoriaDto> {
    const c = await this.convocatorias.crear(
      {
        nombre: dto.nombre,
        parqueaderos: dto.parqueaderos?.map((p) => ({
          codigo: p.codigo,
          tipo: p.tipo,
          discapacidad: p.discapacidad ?? false,
        })),
        fuentesPublicas: dto.fuentesPublicas.map((f) => ({ descripcion: f.descripcion })),
        fechaSorteo: new Date(dto.fechaSorteo),
        vigencia: dto.vigencia
          ? { desde: new Date(dto.vigencia.desde), hasta: new Date(dto.vigencia.hasta) }
          : undefined,
      },
      u.id,
    );
    return aConvocatoriaDto(c, 'admin');
  }

  @Get()
  @Autenticado()
  @ApiOperation({
    summary: 'Convocatorias, la más reciente primero (sin secretos: no los hay aquí)',
    description: 'Los residentes ven los parqueaderos sin su marca de discapacidad.',
  })
  @ApiOkResponse({ type: PaginaDto(ConvocatoriaDto) })
  async listar(
    @Query() q: PaginacionQueryDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<Pagina<ConvocatoriaDto>> {
    const p = await this.convocatorias.listar(q.page, q.limit);
    return { data: p.data.map((c) => aConvocatoriaDto(c, u.rol)), meta: p.meta };
  }

  @Get(':id')
  @Autenticado()
  @ApiOperation({
    summary: 'Una convocatoria',
    description: 'Los residentes ven los parqueaderos sin su marca de discapacidad.',
  })
  @ApiOkResponse({ type: ConvocatoriaDto })
  @NoEncontrada()
  async obtener(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ConvocatoriaDto> {
    return aConvocatoriaDto(await this.convocatorias.obtener(id), u.rol);
  }

  @Post(':id/cerrar')
  @Autenticado('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Cerrar: congela participantes, atributos, parqueaderos y configuración',
    description:
      'Los participantes son las solicitudes aprobadas en este instante, reservadas como en un sorteo: desde ahora sus cambios reciben 409 CONVOCATORIA_CERRADA. ' +
      'Publica insumosHash y compromisoServidor (el secreto del servidor solo se revela con el resultado). Todo o nada, incluso ante una caída.',
  })
  @ApiOkResponse({ type: ConvocatoriaDto })
  @NoEncontrada()
  @ApiError(
    409,
    [
      'CONVOCATORIA_CERRADA',
      'CONVOCATORIA_FINALIZADA',
      'CONVOCATORIA_VENCIDA',
      'SIN_PARTICIPANTES',
      'SORTEO_EN_CURSO',
    ],
    'ya está cerrada, ejecutada o cancelada, su fechaSorteo ya llegó, no hay solicitudes aprobadas, o hay un sorteo, cierre o anulación en curso.',
  )
  async cerrar(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ConvocatoriaDto> {
    return aConvocatoriaDto(await this.cierre.cerrar(id, u.id), 'admin');
  }

  @Post(':id/cancelar')
  @Autenticado('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Cancelar una convocatoria abierta o cerrada: sus participantes quedan libres (aprobada)',
  })
  @ApiOkResponse({ type: ConvocatoriaDto })
  @NoEncontrada()
  @ApiError(
    409,
    ['CONVOCATORIA_FINALIZADA', 'SORTEO_EN_CURSO'],
    'ya está ejecutada o cancelada, o hay un sorteo, cierre o anulación en curso.',
  )
  async cancelar(
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: CancelarConvocatoriaDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ConvocatoriaDto> {
    return aConvocatoriaDto(await this.cancelacion.cancelar(id, dto.motivo, u.id), 'admin');
  }

  @Get(':id/mi-participacion')
  @Autenticado('residente')
  @ApiOperation({
    summary: 'Mis líneas congeladas en la convocatoria, para revisarlas antes del sorteo',
  })
  @ApiOkResponse({ type: [LineaParticipacionDto] })
  @ApiError(
    404,
    ['NO_ENCONTRADO'],
    'no existe la convocatoria, no está cerrada, o no tengo líneas en ella.',
  )
  miParticipacion(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<LineaParticipacionDto[]> {
    if (!u.residenteId) throw new NoEncontradoError('Su participación en la convocatoria');
    return this.convocatorias.miParticipacion(id, u.residenteId);
  }
}
