import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConfigPrioridadRespuestaDto } from 'src/modules/config-prioridad/dto/config-prioridad.dto';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import { TIPOS_VEHICULO } from 'src/modules/sorteo/dto/parametros-sorteo.dto';
import { FuentePublicaDto } from 'src/modules/sorteo/dto/resultado-sorteo.dto';
import { ESTADOS_CONVOCATORIA, type EstadoConvocatoria } from '../convocatoria.entity';

export class VigenciaRespuestaDto {
  @ApiProperty({ format: 'date-time' }) desde!: string;
  @ApiProperty({ format: 'date-time' }) hasta!: string;
}

export class ParqueaderoConvocatoriaDto {
  @ApiProperty() codigo!: string;
  @ApiProperty({ enum: TIPOS_VEHICULO }) tipo!: TipoVehiculo;
  @ApiPropertyOptional({
    description: 'Reservado para personas con discapacidad (solo para administración y revisoría)',
  })
  discapacidad?: boolean;
}

export class ConteoPorTipoDto {
  @ApiProperty({ type: 'integer' }) carro!: number;
  @ApiProperty({ type: 'integer' }) moto!: number;
}

export class ResumenConvocatoriaDto {
  @ApiProperty({ type: ConteoPorTipoDto }) participantes!: ConteoPorTipoDto;
  @ApiProperty({ type: ConteoPorTipoDto }) parqueaderos!: ConteoPorTipoDto;
  @ApiProperty({ type: 'integer' }) excluidos!: number;
}

export class CanceladaDto {
  @ApiProperty() motivo!: string;
  @ApiProperty({ description: 'Id del administrador que la canceló' }) por!: string;
  @ApiProperty({ format: 'date-time' }) fecha!: string;
}

/**
 * `Convocatoria` of API.md: the same fields for every reader, except the spots' reserve flag, which
 * residents do not get. The server's secret is never here: it is published only with the draw's result.
 */
export class ConvocatoriaDto {
  @ApiProperty() id!: string;
  @ApiProperty() nombre!: string;
  @ApiProperty({ enum: ESTADOS_CONVOCATORIA }) estado!: EstadoConvocatoria;
  @ApiProperty({ format: 'date-time' }) fechaSorteo!: string;
  @ApiProperty({ type: VigenciaRespuestaDto, nullable: true })
  vigencia!: VigenciaRespuestaDto | null;
  @ApiProperty({ type: [FuentePublicaDto] }) fuentesPublicas!: FuentePublicaDto[];
  @ApiProperty({ type: [ParqueaderoConvocatoriaDto] }) parqueaderos!: ParqueaderoConvocatoriaDto[];
  @ApiProperty({
    type: ConfigPrioridadRespuestaDto,
    nullable: true,
    description: 'La configuración congelada al cerrar; null mientras está abierta',
  })
  config!: ConfigPrioridadRespuestaDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cerradaEn!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SHA-256 de los insumos congelados (SORTEO.md), publicado al cerrar',
  })
  insumosHash!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SHA-256 del secreto del servidor, publicado al cerrar',
  })
  compromisoServidor!: string | null;
  @ApiProperty({ type: ResumenConvocatoriaDto, nullable: true })
  resumen!: ResumenConvocatoriaDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'El resultado, una vez ejecutada' })
  sorteoId!: string | null;
  @ApiProperty({ type: CanceladaDto, nullable: true }) cancelada!: CanceladaDto | null;
  @ApiProperty({ description: 'Id del administrador que la creó' }) creadaPor!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** A resident's frozen line, to check it before the draw. */
export class LineaParticipacionDto {
  @ApiProperty() solicitudId!: string;
  @ApiProperty({ enum: TIPOS_VEHICULO }) tipoVehiculo!: TipoVehiculo;
  @ApiProperty() discapacidad!: boolean;
  @ApiProperty() adultoMayor!: boolean;
  @ApiProperty() sinAsignacionPrevia!: boolean;
  @ApiProperty({ type: 'integer' }) aniosResidencia!: number;
  @ApiProperty({ description: 'El peso (o puntaje en modo niveles) con que participará' })
  peso!: number;
}
