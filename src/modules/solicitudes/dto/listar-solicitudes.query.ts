import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';
import { mayusculas } from 'src/shared/validation/transformers';
import { ESTADOS_SOLICITUD, EstadoSolicitud } from '../solicitud.entity';

const OBJECT_ID = /^[0-9a-f]{24}$/;

export class ListarSolicitudesQuery extends PaginacionQueryDto {
  @ApiPropertyOptional({ enum: ESTADOS_SOLICITUD })
  @IsOptional()
  @IsIn(ESTADOS_SOLICITUD, { message: `estado debe ser uno de: ${ESTADOS_SOLICITUD.join(', ')}.` })
  estado?: EstadoSolicitud;

  @ApiPropertyOptional({ enum: ['carro', 'moto'] })
  @IsOptional()
  @IsIn(['carro', 'moto'], { message: 'tipo debe ser carro o moto.' })
  tipo?: 'carro' | 'moto';

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(mayusculas)
  @IsString()
  @MaxLength(10)
  torre?: string;

  @ApiPropertyOptional({
    description: 'Solo útil para la administración; un residente siempre ve las suyas.',
  })
  @IsOptional()
  @Matches(OBJECT_ID, {
    message: 'residenteId debe tener 24 caracteres hexadecimales en minúscula.',
  })
  residenteId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(OBJECT_ID, { message: 'sorteoId debe tener 24 caracteres hexadecimales en minúscula.' })
  sorteoId?: string;
}
