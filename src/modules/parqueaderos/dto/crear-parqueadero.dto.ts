import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, TransformFnParams } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';
import { recortar } from 'src/shared/validation/transformers';
import {
  CODIGO_PARQUEADERO,
  MAX_ZONA,
  TIPOS_PARQUEADERO,
  TipoParqueadero,
} from '../parqueadero.entity';
import { MENSAJE_SOLO_CARRO } from '../reglas-parqueadero';

/**
 * A spot reserved for disability must be a car spot (SORTEO.md "Inputs"). On a PATCH the stored
 * `tipo` counts too; the service checks the combination on the spot as it will be.
 */
export function SoloCarroReservado(opciones?: ValidationOptions): PropertyDecorator {
  return (objeto: object, propiedad: string | symbol) =>
    registerDecorator({
      name: 'soloCarroReservado',
      target: objeto.constructor,
      propertyName: String(propiedad),
      options: { message: MENSAJE_SOLO_CARRO, ...opciones },
      validator: {
        validate: (valor: unknown, args) => {
          const tipo = (args?.object as { tipo?: unknown }).tipo;
          // Without tipo (a PATCH of discapacidad alone) the stored one decides, in the service.
          return valor !== true || tipo === undefined || tipo === 'carro';
        },
      },
    });
}

/** Blank is "no zona": a spreadsheet's empty cell and `""` mean the same. */
export const zonaONula = (params: TransformFnParams): unknown => {
  const v = recortar(params);
  return v === '' ? null : v;
};

/** Applies when the field is present and not null (null clears the zona). */
const SiHayZona = (): PropertyDecorator =>
  ValidateIf((_: object, v: unknown) => v !== undefined && v !== null);

export class CrearParqueaderoDto {
  @ApiProperty({ example: 'S1-001', description: '1 a 20 letras, dígitos o guiones; único' })
  @Transform(recortar)
  @IsString({ message: 'codigo debe ser texto.' })
  @Matches(CODIGO_PARQUEADERO, {
    message: 'codigo debe tener de 1 a 20 letras, dígitos o guiones.',
  })
  codigo!: string;

  @ApiProperty({ enum: TIPOS_PARQUEADERO })
  @IsIn(TIPOS_PARQUEADERO, { message: 'tipo debe ser carro o moto.' })
  tipo!: TipoParqueadero;

  @ApiPropertyOptional({
    default: false,
    description: 'Reservado para personas con discapacidad (solo parqueaderos de carro)',
  })
  @IsOptional()
  @IsBoolean({ message: 'discapacidad debe ser true o false.' })
  @SoloCarroReservado()
  discapacidad?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Sótano 1',
    maxLength: MAX_ZONA,
    description: 'Hasta 40 caracteres; vacío o null: sin zona',
  })
  @Transform(zonaONula)
  @SiHayZona()
  @IsString({ message: 'zona debe ser texto.' })
  @MaxLength(MAX_ZONA, { message: `zona admite como máximo ${MAX_ZONA} caracteres.` })
  zona?: string | null;

  @ApiPropertyOptional({ default: true, description: 'false: fuera del inventario activo' })
  @IsOptional()
  @IsBoolean({ message: 'activo debe ser true o false.' })
  activo?: boolean;
}
