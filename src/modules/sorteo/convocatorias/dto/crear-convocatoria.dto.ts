import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { recortar } from 'src/shared/validation/transformers';
import {
  CodigosUnicos,
  MAX_PARQUEADEROS,
  ParqueaderoDto,
} from 'src/modules/sorteo/dto/parametros-sorteo.dto';

const FECHA = { strict: true, strictSeparator: true } as const;

export class FuentePublicaEntradaDto {
  @ApiProperty({
    maxLength: 200,
    example: 'Lotería de Bogotá del jueves 3 de diciembre de 2026, número ganador, 4 cifras',
    description: 'Escrita para que cualquiera pueda consultar el valor después del cierre',
  })
  @Transform(recortar)
  @IsString({ message: 'descripcion debe ser texto.' })
  @Length(1, 200, { message: 'descripcion debe tener entre 1 y 200 caracteres.' })
  descripcion!: string;
}

export class VigenciaDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601(FECHA, { message: 'desde debe ser una fecha ISO 8601.' })
  desde!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601(FECHA, { message: 'hasta debe ser una fecha ISO 8601.' })
  hasta!: string;
}

/** POST /sorteo/convocatorias. */
export class CrearConvocatoriaDto {
  @ApiProperty({ example: 'Sorteo de parqueaderos 2027' })
  @Transform(recortar)
  @IsString({ message: 'nombre debe ser texto.' })
  @Length(1, 120, { message: 'nombre debe tener entre 1 y 120 caracteres.' })
  nombre!: string;

  @ApiPropertyOptional({
    type: [ParqueaderoDto],
    minItems: 1,
    maxItems: MAX_PARQUEADEROS,
    description:
      'Los parqueaderos a sortear, congelados al cerrar. Sin ellos se usaría el inventario activo, que este servidor aún no ofrece (400).',
  })
  @IsOptional()
  @IsArray({ message: 'parqueaderos debe ser una lista.' })
  @ArrayMinSize(1, { message: 'parqueaderos debe tener al menos un parqueadero.' })
  @ArrayMaxSize(MAX_PARQUEADEROS, {
    message: `parqueaderos admite como máximo ${MAX_PARQUEADEROS} parqueaderos.`,
  })
  @CodigosUnicos()
  @ValidateNested({ each: true })
  @Type(() => ParqueaderoDto)
  parqueaderos?: ParqueaderoDto[];

  @ApiProperty({ type: [FuentePublicaEntradaDto], minItems: 1, maxItems: 5 })
  @IsArray({ message: 'fuentesPublicas debe ser una lista.' })
  @ArrayMinSize(1, { message: 'fuentesPublicas debe tener al menos una fuente.' })
  @ArrayMaxSize(5, { message: 'fuentesPublicas admite como máximo 5 fuentes.' })
  @ValidateNested({ each: true })
  @Type(() => FuentePublicaEntradaDto)
  fuentesPublicas!: FuentePublicaEntradaDto[];

  @ApiProperty({
    format: 'date-time',
    description: 'Cuándo se conocerán los valores públicos; debe ser futura al crear',
  })
  @IsISO8601(FECHA, { message: 'fechaSorteo debe ser una fecha ISO 8601 con hora.' })
  fechaSorteo!: string;

  @ApiPropertyOptional({ type: VigenciaDto })
  @IsOptional()
  @IsObject({ message: 'vigencia debe ser un objeto {desde, hasta}.' })
  @ValidateNested()
  @Type(() => VigenciaDto)
  vigencia?: VigenciaDto;
}
