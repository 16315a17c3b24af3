import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';
import { booleanoDeQuery, mayusculas } from 'src/shared/validation/transformers';
import { ESTADOS_REGISTRO, EstadoRegistro } from '../schemas/residente.schema';

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
    enum: ESTADOS_REGISTRO,
    description: 'Estado del autorregistro; `pendiente` es la cola de la administración.',
  })
  @IsOptional()
  @IsIn(ESTADOS_REGISTRO, { message: `registro debe ser uno de: ${ESTADOS_REGISTRO.join(', ')}.` })
  registro?: EstadoRegistro;

  @ApiPropertyOptional({
    description: 'Texto en nombre o número de documento (sin distinguir mayúsculas; literal).',
  })
  @IsOptional()
  @IsString({ message: 'q debe ser texto.' })
  @MaxLength(100)
  q?: string;
}
