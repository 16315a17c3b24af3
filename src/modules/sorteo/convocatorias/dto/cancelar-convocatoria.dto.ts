import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { recortar } from 'src/shared/validation/transformers';

export class CancelarConvocatoriaDto {
  @ApiProperty({ example: 'La asamblea aplazó el sorteo.', maxLength: 500 })
  @Transform(recortar)
  @IsString({ message: 'motivo debe ser texto.' })
  @Length(1, 500, { message: 'motivo debe tener entre 1 y 500 caracteres.' })
  motivo!: string;
}
