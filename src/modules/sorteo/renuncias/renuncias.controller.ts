import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { alcanceDe } from 'src/core/auth/alcance';
import { Autenticado, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import type { UsuarioActual } from 'src/core/auth/roles';
import { ApiError } from 'src/core/docs/respuestas-error';
import { Pagina, PaginaDto } from 'src/shared/pagination/pagina';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';
import { ParseObjectIdPipe } from 'src/shared/validation/parse-object-id.pipe';
import { ResultadosService } from '../resultados.service';
import { MovimientoDto, RenunciaDto, RenunciaRespuestaDto } from './dto/renuncia.dto';
import { aMovimientoDto } from './movimientos.mapper';
import { MovimientosService } from './movimientos.service';
import { RenunciasService } from './renuncias.service';

@ApiTags('sorteo')
@ApiError(400, ['VALIDACION'])
@Controller('sorteo')
export class RenunciasController {
  constructor(
    private readonly renuncias: RenunciasService,
    private readonly movimientos: MovimientosService,
    private readonly resultados: ResultadosService,
  ) {}

  @Post('resultados/:id/renuncias')
  @Autenticado('admin', 'residente')
  @ApiOperation({
    summary: 'Renunciar a un parqueadero asignado: pasa al primero elegible de la lista de espera',
    description:
      'Solo en el último sorteo no anulado. La solicitud queda cancelada (motivo RENUNCIA); el parqueadero ' +
      'va al primer participante en espera de su tipo de vehículo que siga en la lista y sea elegible hoy ' +
      '(activo; a paz y salvo si la configuración del sorteo lo exige), primero los que tienen discapacidad ' +
      'si el parqueadero es reservado. Cada uno que se salta queda como omisión; si no hay nadie, vacante. ' +
      'Un residente solo puede renunciar a su propia solicitud.',
  })
  @ApiCreatedResponse({ type: RenunciaRespuestaDto })
  @ApiError(404, ['NO_ENCONTRADO'], 'no existe el sorteo, o la solicitud no es del residente.')
  @ApiError(
    409,
    ['NO_ASIGNADA', 'SORTEO_NO_VIGENTE', 'SORTEO_EN_CURSO'],
    'la solicitud no tiene parqueadero en este sorteo (o ya renunció), el sorteo no es el último vigente, o el turno no se liberó a tiempo.',
  )
  async renunciar(
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: RenunciaDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<RenunciaRespuestaDto> {
    const movimientos = await this.renuncias.renunciar({
      sorteoId: id,
      solicitudId: dto.solicitudId,
      motivo: 'RENUNCIA',
      detalle: dto.motivo ?? null,
      usuarioId: u.id,
      alcance: alcanceDe(u),
    });
    const e = await this.resultados.espectador(u);
    return { movimientos: movimientos.map((m) => aMovimientoDto(m, e)) };
  }

  @Get('resultados/:id/movimientos')
  @Autenticado()
  @ApiOperation({
    summary: 'Movimientos del sorteo (renuncias, omisiones, promociones, vacantes), en orden',
    description:
      'Un residente ve completos los de su unidad; de las demás solo n, tipo, unidad y parqueadero ' +
      '(y sin unidad en las omisiones, que revelarían mora o inactividad).',
  })
  @ApiOkResponse({ type: PaginaDto(MovimientoDto) })
  @ApiError(404, ['NO_ENCONTRADO'], 'no existe un sorteo completo con ese id.')
  async listar(
    @Param('id', ParseObjectIdPipe) id: string,
    @Query() q: PaginacionQueryDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<Pagina<MovimientoDto>> {
    const [pagina, e] = await Promise.all([
      this.movimientos.pagina(id, q.page, q.limit),
      this.resultados.espectador(u),
    ]);
    return { data: pagina.data.map((m) => aMovimientoDto(m, e)), meta: pagina.meta };
  }
}
