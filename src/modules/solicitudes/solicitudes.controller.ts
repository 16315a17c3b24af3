import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Autenticado, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import { UsuarioActual } from 'src/core/auth/roles';
import { ApiError } from 'src/core/docs/respuestas-error';
import { Pagina, PaginaDto } from 'src/shared/pagination/pagina';
import { ParseObjectIdPipe } from 'src/shared/validation/parse-object-id.pipe';
import { CambiarEstadoDto } from './dto/cambiar-estado.dto';
import { CrearSolicitudDto } from './dto/crear-solicitud.dto';
import { ListarSolicitudesQuery } from './dto/listar-solicitudes.query';
import { SolicitudDto } from './dto/solicitud-response.dto';
import { aSolicitudDto } from './solicitud.mapper';
import { SolicitudesService } from './solicitudes.service';

const NoEncontrada = (): MethodDecorator =>
  ApiError(404, ['NO_ENCONTRADO'], 'no existe (también si es de otro residente).');

@ApiTags('solicitudes')
@ApiError(
  400,
  ['VALIDACION'],
  'datos inválidos, incluida una placa que no corresponde al tipo de vehículo.',
)
@Controller('solicitudes')
export class SolicitudesController {
  constructor(private readonly solicitudes: SolicitudesService) {}

  @Post()
  @Autenticado('admin', 'residente')
  @ApiOperation({
    summary: 'Solicitar parqueadero (residente para sí mismo; la administración con residenteId)',
  })
  @ApiCreatedResponse({ type: SolicitudDto })
  @ApiError(404, ['NO_ENCONTRADO'], 'el residente no existe.')
  @ApiError(409, ['SOLICITUD_ABIERTA_EXISTENTE', 'PLACA_DUPLICADA', 'RESIDENTE_INACTIVO'])
  async crear(
    @Body() dto: CrearSolicitudDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<SolicitudDto> {
    return aSolicitudDto(await this.solicitudes.crear(dto, u));
  }

  @Get()
  @Autenticado('admin', 'residente')
  @ApiOperation({
    summary:
      'Listar solicitudes (la administración todas; el residente solo las suyas), más recientes primero',
  })
  @ApiOkResponse({ type: PaginaDto(SolicitudDto) })
  async listar(
    @Query() q: ListarSolicitudesQuery,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<Pagina<SolicitudDto>> {
    const { page, limit, ...filtro } = q;
    const pagina = await this.solicitudes.listar(filtro, u, page, limit);
    return { data: pagina.data.map(aSolicitudDto), meta: pagina.meta };
  }

  @Get(':id')
  @Autenticado('admin', 'residente')
  @ApiOperation({ summary: 'Una solicitud (la administración, o su dueño)' })
  @ApiOkResponse({ type: SolicitudDto })
  @NoEncontrada()
  async obtener(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<SolicitudDto> {
    return aSolicitudDto(await this.solicitudes.obtener(id, u));
  }

  @Patch(':id/estado')
  @Autenticado('admin', 'residente')
  @ApiOperation({
    summary:
      'Cambiar el estado (admin: aprobar, rechazar con motivo, cancelar; residente: cancelar)',
  })
  @ApiOkResponse({ type: SolicitudDto })
  @NoEncontrada()
  @ApiError(409, [
    'TRANSICION_INVALIDA',
    'RESIDENTE_EN_MORA',
    'SORTEO_EN_CURSO',
    'CONVOCATORIA_CERRADA',
  ])
  async cambiarEstado(
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: CambiarEstadoDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<SolicitudDto> {
    return aSolicitudDto(await this.solicitudes.cambiarEstado(id, dto.estado, dto.motivo, u));
  }
}
