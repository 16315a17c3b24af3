import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { recortar } from 'src/shared/validation/transformers';
import { CrearResidenteDto } from './crear-residente.dto';

export class ActualizarResidenteDto extends PartialType(CrearResidenteDto) {
  @ApiPropertyOptional({ description: 'false equivale a DELETE; true reactiva (la cuenta necesitará nueva activación).' })
  @IsOptional()
  @IsBoolean({ message: 'activo debe ser true o false.' })
  activo?: boolean;
}

export class ActualizarMiPerfilDto {
  @ApiPropertyOptional({ example: '3001234567' })
  @Transform(recortar)
  @Matches(/^\+?[0-9 ]{7,20}$/, { message: 'telefono debe tener entre 7 y 20 dígitos (puede empezar por +).' })
  telefono!: string;
}
