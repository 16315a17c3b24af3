import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Autenticado, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import { UsuarioActual } from 'src/core/auth/roles';
import { ErrorBodyDto } from 'src/shared/errors/error-body.dto';
import { Pagina, PaginaDto } from 'src/shared/pagination/pagina';
import { ParseObjectIdPipe } from 'src/shared/validation/parse-object-id.pipe';
import { ActualizarMiPerfilDto, ActualizarResidenteDto } from './dto/actualizar-residente.dto';
import { CrearResidenteDto } from './dto/crear-residente.dto';
import { ListarResidentesQuery } from './dto/listar-residentes.query';
import { ActivacionDto, ResidenteCreadoDto, ResidenteDto } from './dto/residente-response.dto';
import { aActivacionDto, aResidenteDto } from './residente.mapper';
import { ResidentesService } from './residentes.service';

const DUPLICADO = {
  description: 'RESIDENTE_DUPLICADO: documento o correo ya registrados',
  type: ErrorBodyDto,
};
const MODIFICADO = {
  description:
    'RESIDENTE_MODIFICADO: otra operación cambió el mismo campo al mismo tiempo (consulte y reintente)',
  type: ErrorBodyDto,
};
const NO_ENCONTRADO = {
  description: 'NO_ENCONTRADO (también si es otro residente)',
  type: ErrorBodyDto,
};

@ApiTags('residentes')
@ApiBadRequestResponse({ description: 'VALIDACION', type: ErrorBodyDto })
@Controller('residentes')
export class ResidentesController {
  constructor(private readonly residentes: ResidentesService) {}

  @Post()
  @Autenticado('admin')
  @ApiOperation({
    summary:
      'Registrar un residente (con email: cuenta pendiente y token de activación, mostrado una vez)',
  })
  @ApiCreatedResponse({ type: ResidenteCreadoDto })
  @ApiConflictResponse(DUPLICADO)
  async crear(@Body() dto: CrearResidenteDto): Promise<ResidenteCreadoDto> {
    const { residente, activacion } = await this.residentes.crear(dto);
    return activacion
      ? { ...aResidenteDto(residente), activacion: aActivacionDto(activacion) }
      : aResidenteDto(residente);
  }

  @Get()
  @Autenticado('admin')
  @ApiOperation({ summary: 'Listar residentes (más recientes primero)' })
  @ApiOkResponse({ type: PaginaDto(ResidenteDto) })
  async listar(@Query() q: ListarResidentesQuery): Promise<Pagina<ResidenteDto>> {
    const { page, limit, ...filtro } = q;
    const pagina = await this.residentes.listar(filtro, page, limit);
    return { data: pagina.data.map(aResidenteDto), meta: pagina.meta };
  }

  @Get('me')
  @Autenticado('residente')
  @ApiOperation({ summary: 'Mi registro de residente' })
  @ApiOkResponse({ type: ResidenteDto })
  async me(@UsuarioAutenticado() u: UsuarioActual): Promise<ResidenteDto> {
    return aResidenteDto(await this.residentes.obtenerPropio(u));
  }

  @Patch('me')
  @Autenticado('residente')
  @ApiOperation({ summary: 'Actualizar mi teléfono (único campo editable por el residente)' })
  @ApiOkResponse({ type: ResidenteDto })
  @ApiConflictResponse(MODIFICADO)
  async actualizarMe(
    @UsuarioAutenticado() u: UsuarioActual,
    @Body() dto: ActualizarMiPerfilDto,
  ): Promise<ResidenteDto> {
    return aResidenteDto(await this.residentes.actualizarTelefonoPropio(u, dto.telefono));
  }

  @Get(':id')
  @Autenticado()
  @ApiOperation({ summary: 'Un residente (admin, o el propio residente)' })
  @ApiOkResponse({ type: ResidenteDto })
  @ApiNotFoundResponse(NO_ENCONTRADO)
  async obtener(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ResidenteDto> {
    return aResidenteDto(await this.residentes.obtener(id, u));
  }

  @Patch(':id')
  @Autenticado('admin')
  @ApiOperation({
    summary: 'Actualizar un residente; activo:false lo da de baja, activo:true lo reactiva',
  })
  @ApiOkResponse({ type: ResidenteDto })
  @ApiNotFoundResponse(NO_ENCONTRADO)
  @ApiConflictResponse({
    description: `${DUPLICADO.description}; ${MODIFICADO.description}`,
    type: ErrorBodyDto,
  })
  async actualizar(
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: ActualizarResidenteDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ResidenteDto> {
    return aResidenteDto(await this.residentes.actualizar(id, dto, u));
  }

  @Delete(':id')
  @Autenticado('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Dar de baja (borrado lógico): cuenta deshabilitada, sesiones revocadas, solicitudes abiertas canceladas',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse(NO_ENCONTRADO)
  async eliminar(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<void> {
    await this.residentes.desactivar(id, u);
  }

  @Post(':id/activacion')
  @Autenticado('admin')
  @ApiOperation({ summary: 'Nuevo token de activación (los anteriores dejan de servir)' })
  @ApiCreatedResponse({ type: ActivacionDto })
  @ApiNotFoundResponse(NO_ENCONTRADO)
  @ApiConflictResponse({ description: 'RESIDENTE_INACTIVO o SIN_EMAIL', type: ErrorBodyDto })
  async activacion(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ActivacionDto> {
    return aActivacionDto(await this.residentes.nuevaActivacion(id, u));
  }
}
