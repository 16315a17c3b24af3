import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Autenticado } from 'src/core/auth/auth.decorators';
import { ApiError } from 'src/core/docs/respuestas-error';
import { Pagina, PaginaDto } from 'src/shared/pagination/pagina';
import { AuditoriaService } from './auditoria.service';
import {
  EntradaAuditoriaDto,
  ListarAuditoriaQuery,
  VerificacionAuditoriaDto,
} from './dto/auditoria.dto';
import type { ResultadoVerificacion } from './verificacion-auditoria';

@ApiTags('auditoria')
@ApiError(400, ['VALIDACION'])
@Controller('auditoria')
export class AuditoriaController {
  constructor(private readonly auditoria: AuditoriaService) {}

  @Get()
  @Autenticado('admin')
  @ApiOperation({
    summary: 'El registro de auditoría, por n de la más nueva a la más vieja',
    description:
      'Cada cambio que importa (docs/auditoria.md) queda como una entrada encadenada por hash. ' +
      'Las rutas de escritura que no dejan entrada son solo las de la sesión propia (login, ' +
      'refresh, logout, activar, cambiar-password): cambian sesiones o la contraseña, no datos ' +
      'del conjunto.',
  })
  @ApiOkResponse({ type: PaginaDto(EntradaAuditoriaDto) })
  async listar(@Query() q: ListarAuditoriaQuery): Promise<Pagina<EntradaAuditoriaDto>> {
    return this.auditoria.listar(
      {
        accion: q.accion,
        recursoTipo: q['recurso.tipo'],
        recursoId: q['recurso.id'],
        actor: q.actor,
        desde: q.desde ? new Date(q.desde) : undefined,
        hasta: q.hasta ? new Date(q.hasta) : undefined,
      },
      q.page,
      q.limit,
    );
  }

  @Get('verificar')
  @Autenticado('admin')
  @ApiOperation({
    summary: 'Recalcula la cadena desde lo guardado y dice dónde se rompe',
    description:
      'Lee todas las entradas: un hueco (entrada borrada), un hash que no corresponde al ' +
      'contenido (entrada editada) o un hashPrevio que no es el hash anterior.',
  })
  @ApiOkResponse({ type: VerificacionAuditoriaDto })
  verificar(): Promise<ResultadoVerificacion> {
    return this.auditoria.verificar();
  }
}
