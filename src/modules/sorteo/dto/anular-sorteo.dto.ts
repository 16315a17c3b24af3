import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { recortar } from 'src/shared/validation/transformers';

export class AnularSorteoDto {
  @ApiProperty({
    example: 'Se omitieron parqueaderos de la torre B',
    description: '3 a 500 caracteres',
  })
  @Transform(recortar)
  @IsString({ message: 'motivo debe ser texto.' })
  @Length(3, 500, { message: 'motivo debe tener entre 3 y 500 caracteres.' })
  motivo!: string;
}
