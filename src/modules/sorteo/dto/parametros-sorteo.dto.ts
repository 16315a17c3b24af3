import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  registerDecorator,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { minusculas, recortar } from 'src/shared/validation/transformers';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';

export const TIPOS_VEHICULO = ['carro', 'moto'] as const;
export const MAX_PARQUEADEROS = 10_000;

/** A spot reserved for disability must be a car spot (SORTEO.md "Inputs"). */
function SoloCarroReservado(opciones?: ValidationOptions): PropertyDecorator {
  return (objeto: object, propiedad: string | symbol) =>
    registerDecorator({
      name: 'soloCarroReservado',
      target: objeto.constructor,
      propertyName: String(propiedad),
      options: {
        message: 'discapacidad solo puede ser true en parqueaderos de tipo carro.',
        ...opciones,
      },
      validator: {
        validate: (valor: unknown, args) =>
          valor !== true || (args?.object as { tipo?: unknown }).tipo === 'carro',
      },
    });
}

/** The first `codigo` that appears twice, or null. */
export function primerCodigoRepetido(valor: unknown): string | null {
  if (!Array.isArray(valor)) return null;
  const vistos = new Set<string>();
  for (const p of valor as Array<{ codigo?: unknown } | null>) {
    const codigo = p?.codigo;
    if (typeof codigo !== 'string') continue;
    if (vistos.has(codigo)) return codigo;
    vistos.add(codigo);
  }
  return null;
}

/** Every `codigo` appears once; the message names the first repeated one. */
export function CodigosUnicos(opciones?: ValidationOptions): PropertyDecorator {
  return (objeto: object, propiedad: string | symbol) =>
    registerDecorator({
      name: 'codigosUnicos',
      target: objeto.constructor,
      propertyName: String(propiedad),
      options: {
        message: (args) =>
          `parqueaderos: el código "${primerCodigoRepetido(args.value)}" está repetido; cada código debe ser único.`,
        ...opciones,
      },
      validator: { validate: (valor: unknown) => primerCodigoRepetido(valor) === null },
    });
}

export class ParqueaderoDto {
  @ApiProperty({
    example: 'S1-001',
    description: '1 a 20 letras, dígitos o guiones; único en el sorteo',
  })
  @IsString({ message: 'codigo debe ser texto.' })
  @Matches(/^[A-Za-z0-9-]{1,20}$/, {
    message: 'codigo debe tener de 1 a 20 letras, dígitos o guiones.',
  })
  codigo!: string;

  @ApiProperty({ enum: TIPOS_VEHICULO })
  @IsIn(TIPOS_VEHICULO, { message: 'tipo debe ser carro o moto.' })
  tipo!: TipoVehiculo;

  @ApiPropertyOptional({
    default: false,
    description: 'Reservado para personas con discapacidad (solo parqueaderos de carro)',
  })
  @IsOptional()
  @IsBoolean({ message: 'discapacidad debe ser true o false.' })
  @SoloCarroReservado()
  discapacidad?: boolean;
}

/** `ParametrosSorteo` of API.md. */
export class ParametrosSorteoDto {
  @ApiProperty({ example: 'Sorteo de parqueaderos 2026-1' })
  @Transform(recortar)
  @IsString({ message: 'nombre debe ser texto.' })
  @Length(1, 120, { message: 'nombre debe tener entre 1 y 120 caracteres.' })
  nombre!: string;

  @ApiProperty({ type: [ParqueaderoDto], minItems: 1, maxItems: MAX_PARQUEADEROS })
  @IsArray({ message: 'parqueaderos debe ser una lista.' })
  @ArrayMinSize(1, { message: 'parqueaderos debe tener al menos un parqueadero.' })
  @ArrayMaxSize(MAX_PARQUEADEROS, {
    message: `parqueaderos admite como máximo ${MAX_PARQUEADEROS} parqueaderos.`,
  })
  @CodigosUnicos()
  @ValidateNested({ each: true })
  @Type(() => ParqueaderoDto)
  parqueaderos!: ParqueaderoDto[];

  @ApiPropertyOptional({
    example: 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdef0123456789',
    description:
      '64 hexadecimales (se guardan en minúscula). Si falta, se generan 32 bytes con un generador criptográfico.',
  })
  @IsOptional()
  @Transform(minusculas)
  @IsString({ message: 'semilla debe ser texto.' })
  @Matches(/^[0-9a-f]{64}$/, {
    message: 'semilla debe tener exactamente 64 caracteres hexadecimales.',
  })
  semilla?: string;
}
