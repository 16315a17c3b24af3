import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Autenticado, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import type { UsuarioActual } from 'src/core/auth/roles';
import { ApiError } from 'src/core/docs/respuestas-error';
import { Pagina, PaginaDto } from 'src/shared/pagination/pagina';
import { ParseObjectIdPipe } from 'src/shared/validation/parse-object-id.pipe';
import { aActivacionDto } from '../usuario.mapper';
import { CrearUsuarioDto } from './dto/crear-usuario.dto';
import { ListarUsuariosQuery } from './dto/listar-usuarios.query';
import { UsuarioCreadoDto, UsuarioPersonalDto } from './dto/usuario-personal.dto';
import { aUsuarioPersonalDto } from './personal.mapper';
import { PersonalService } from './personal.service';

@ApiTags('usuarios')
@ApiError(400, ['VALIDACION'])
@Controller('usuarios')
export class UsuariosController {
  constructor(private readonly personal: PersonalService) {}

  @Post()
  @Autenticado('admin')
  @ApiOperation({
    summary: 'Crear una cuenta de personal (admin o revisor) pendiente de activación',
    description:
      'El token de activación se muestra una sola vez y se usa en POST /auth/activar, como el de un residente.',
  })
  @ApiCreatedResponse({ type: UsuarioCreadoDto })
  @ApiError(
    409,
    ['RESIDENTE_DUPLICADO'],
    'ya existe una cuenta con ese correo (de un residente o del personal, también una retirada).',
  )
  async crear(
    @Body() dto: CrearUsuarioDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<UsuarioCreadoDto> {
    const { usuario, activacion } = await this.personal.crear(dto.email, dto.nombre, dto.rol, u);
    return { usuario: aUsuarioPersonalDto(usuario), activacion: aActivacionDto(activacion) };
  }

  @Get()
  @Autenticado('admin')
  @ApiOperation({ summary: 'Cuentas del personal (admin y revisor), las más recientes primero' })
  @ApiOkResponse({ type: PaginaDto(UsuarioPersonalDto) })
  async listar(@Query() q: ListarUsuariosQuery): Promise<Pagina<UsuarioPersonalDto>> {
    const pagina = await this.personal.listar(q.rol, q.page, q.limit);
    return { data: pagina.data.map(aUsuarioPersonalDto), meta: pagina.meta };
  }

  @Delete(':id')
  @Autenticado('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Retirar una cuenta de personal: queda deshabilitada y sus sesiones terminan',
    description: 'Idempotente: retirar una cuenta ya retirada responde 204.',
  })
  @ApiNoContentResponse()
  @ApiError(404, ['NO_ENCONTRADO'], 'no existe una cuenta de personal con ese id.')
  @ApiError(409, ['ULTIMO_ADMIN'], 'es el último administrador activo.')
  async eliminar(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<void> {
    await this.personal.eliminar(id, u);
  }
}
