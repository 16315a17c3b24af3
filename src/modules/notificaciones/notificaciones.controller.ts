import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Autenticado, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import type { UsuarioActual } from 'src/core/auth/roles';
import { ApiError } from 'src/core/docs/respuestas-error';
import { Pagina, PaginaDto } from 'src/shared/pagination/pagina';
import { ListarNotificacionesQuery, NotificacionDto } from './dto/notificaciones.dto';
import type { ResumenNotificacion } from './notificaciones.repository';
import { NotificacionesService } from './notificaciones.service';

function aDto(n: ResumenNotificacion): NotificacionDto {
  return {
    id: n.id,
    tipo: n.tipo,
    destinatario: n.destinatario,
    asunto: n.asunto,
    confidencial: n.confidencial,
    estado: n.estado,
    intentos: n.intentos,
    proximoIntento: n.proximoIntento.toISOString(),
    venceEn: n.venceEn.toISOString(),
    creadaEn: n.creadaEn.toISOString(),
    enviadaEn: n.enviadaEn ? n.enviadaEn.toISOString() : null,
    ultimoError: n.ultimoError,
  };
}

@ApiTags('notificaciones')
@ApiError(400, ['VALIDACION'])
@Controller('notificaciones')
export class NotificacionesController {
  constructor(private readonly notificaciones: NotificacionesService) {}

  @Get()
  @Autenticado('admin')
  @ApiOperation({
    summary: 'El buzón de salida de correos, de los más nuevos a los más viejos',
    description:
      'Sin cuerpos: un correo de activación lleva un enlace secreto, y ni el admin ni el revisor ' +
      'lo leen aquí (docs/notificaciones.md).',
  })
  @ApiOkResponse({ type: PaginaDto(NotificacionDto) })
  async listar(@Query() q: ListarNotificacionesQuery): Promise<Pagina<NotificacionDto>> {
    const { page, limit, ...filtro } = q;
    const pagina = await this.notificaciones.listar(filtro, page, limit);
    return { data: pagina.data.map(aDto), meta: pagina.meta };
  }

  @Post(':id/reintentar')
  @Autenticado('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Volver a intentar una notificación fallida (queda pendiente, con 24 h más de reintentos)',
  })
  @ApiOkResponse({ type: NotificacionDto })
  @ApiError(404, ['NO_ENCONTRADO'], 'no existe.')
  @ApiError(409, ['NOTIFICACION_NO_FALLIDA'], 'la notificación no está fallida.')
  async reintentar(
    @Param('id') id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<NotificacionDto> {
    return aDto(await this.notificaciones.reintentar(id, u));
  }
}
