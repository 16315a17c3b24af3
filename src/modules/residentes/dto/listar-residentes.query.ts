import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';
import { booleanoDeQuery, mayusculas } from 'src/shared/validation/transformers';

export class ListarResidentesQuery extends PaginacionQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(mayusculas)
  @IsString()
  @MaxLength(10)
  torre?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(mayusculas)
  @IsString()
  @MaxLength(10)
  apartamento?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(booleanoDeQuery)
  @IsBoolean({ message: 'activo debe ser true o false.' })
  activo?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(booleanoDeQuery)
  @IsBoolean({ message: 'alDia debe ser true o false.' })
  alDia?: boolean;

  @ApiPropertyOptional({
    description: 'Texto en nombre o número de documento (sin distinguir mayúsculas; literal).',
  })
  @IsOptional()
  @IsString({ message: 'q debe ser texto.' })
  @MaxLength(100)
  q?: string;
}
