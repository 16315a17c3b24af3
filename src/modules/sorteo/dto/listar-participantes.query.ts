import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';
import { mayusculas } from 'src/shared/validation/transformers';
import type { ResultadoParticipante } from '../core/tipos';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import { TIPOS_VEHICULO } from './parametros-sorteo.dto';

export const RESULTADOS = ['asignada', 'no_asignada'] as const;

export class ListarParticipantesQuery extends PaginacionQueryDto {
  @ApiPropertyOptional({ enum: TIPOS_VEHICULO })
  @IsOptional()
  @IsIn(TIPOS_VEHICULO, { message: 'tipoVehiculo debe ser carro o moto.' })
  tipoVehiculo?: TipoVehiculo;

  @ApiPropertyOptional({ enum: RESULTADOS })
  @IsOptional()
  @IsIn(RESULTADOS, { message: 'resultado debe ser asignada o no_asignada.' })
  resultado?: ResultadoParticipante;

  @ApiPropertyOptional({ example: 'A' })
  @IsOptional()
  @Transform(mayusculas)
  @IsString({ message: 'torre debe ser texto.' })
  @MaxLength(10, { message: 'torre admite como máximo 10 caracteres.' })
  torre?: string;
}
