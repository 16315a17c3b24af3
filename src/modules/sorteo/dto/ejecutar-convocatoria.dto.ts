import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsMongoId,
  IsString,
  MaxLength,
} from 'class-validator';

/** The announced alternative body of POST /sorteo/ejecutar. */
export class EjecutarConvocatoriaDto {
  @ApiProperty({ description: 'La convocatoria cerrada a ejecutar' })
  @IsMongoId({ message: 'convocatoriaId debe ser un id válido (24 hexadecimales).' })
  convocatoriaId!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 5,
    example: ['4821', 'serie 045', 'Testigo: bolita 17'],
    description:
      'Un valor por fuente anunciada, en su orden. Se normaliza (NFC, sin espacios sobrantes, en mayúsculas) y debe quedar en ^[0-9A-Z .,:/#-]{1,100}$.',
  })
  @IsArray({ message: 'valoresPublicos debe ser una lista.' })
  @ArrayMinSize(1, { message: 'valoresPublicos debe tener al menos un valor.' })
  @ArrayMaxSize(5, { message: 'valoresPublicos admite como máximo 5 valores.' })
  @IsString({ each: true, message: 'cada valor público debe ser texto.' })
  @MaxLength(400, { each: true, message: 'cada valor público admite como máximo 400 caracteres.' })
  valoresPublicos!: string[];
}
