import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { recortar } from 'src/shared/validation/transformers';

export class VehiculoDto {
  @ApiProperty({
    example: 'ABC-123',
    description:
      'Se normaliza: mayúsculas, sin espacios ni guiones. Carro ABC123; moto ABC12 o ABC12D.',
  })
  @IsString({ message: 'vehiculo.placa debe ser texto.' })
  @Length(1, 12, { message: 'vehiculo.placa debe tener entre 1 y 12 caracteres.' })
  placa!: string;

  @ApiProperty({ enum: ['carro', 'moto'] })
  @IsIn(['carro', 'moto'], { message: 'vehiculo.tipo debe ser carro o moto.' })
  tipo!: 'carro' | 'moto';
}

export class CrearSolicitudDto {
  @ApiPropertyOptional({
    description: 'Solo la administración: el residente para quien se solicita.',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{24}$/, {
    message: 'residenteId debe tener 24 caracteres hexadecimales en minúscula.',
  })
  residenteId?: string;

  @ApiProperty({ type: VehiculoDto })
  @ValidateNested()
  @Type(() => VehiculoDto)
  vehiculo!: VehiculoDto;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(recortar)
  @IsString({ message: 'observaciones debe ser texto.' })
  @MaxLength(500, { message: 'observaciones admite hasta 500 caracteres.' })
  observaciones?: string;
}
