import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';
import { booleanoDeQuery, recortar } from 'src/shared/validation/transformers';
import { MAX_ZONA, TIPOS_PARQUEADERO, TipoParqueadero } from '../parqueadero.entity';

export class ListarParqueaderosQuery extends PaginacionQueryDto {
  @ApiPropertyOptional({ enum: TIPOS_PARQUEADERO })
  @IsOptional()
  @IsIn(TIPOS_PARQUEADERO, { message: 'tipo debe ser carro o moto.' })
  tipo?: TipoParqueadero;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(booleanoDeQuery)
  @IsBoolean({ message: 'discapacidad debe ser true o false.' })
  discapacidad?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(booleanoDeQuery)
  @IsBoolean({ message: 'activo debe ser true o false.' })
  activo?: boolean;

  @ApiPropertyOptional({ description: 'Zona exacta (sin espacios al inicio o al final)' })
  @IsOptional()
  @Transform(recortar)
  @IsString({ message: 'zona debe ser texto.' })
  @MaxLength(MAX_ZONA, { message: `zona admite como máximo ${MAX_ZONA} caracteres.` })
  zona?: string;
}
