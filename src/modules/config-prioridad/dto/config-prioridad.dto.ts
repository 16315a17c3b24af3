import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ModoSorteo } from 'src/shared/dominio/config-prioridad';

const FINITO = { allowNaN: false, allowInfinity: false };

export class PesosPrioridadDto {
  @ApiProperty({ minimum: 1, maximum: 100, example: 3, description: 'Factor por discapacidad' })
  @IsNumber(FINITO, { message: 'pesos.discapacidad debe ser un número entre 1 y 100.' })
  @Min(1, { message: 'pesos.discapacidad debe ser un número entre 1 y 100.' })
  @Max(100, { message: 'pesos.discapacidad debe ser un número entre 1 y 100.' })
  discapacidad!: number;

  @ApiProperty({ minimum: 1, maximum: 100, example: 1.5, description: 'Factor por adulto mayor' })
  @IsNumber(FINITO, { message: 'pesos.adultoMayor debe ser un número entre 1 y 100.' })
  @Min(1, { message: 'pesos.adultoMayor debe ser un número entre 1 y 100.' })
  @Max(100, { message: 'pesos.adultoMayor debe ser un número entre 1 y 100.' })
  adultoMayor!: number;

  @ApiProperty({
    minimum: 1,
    maximum: 100,
    example: 2,
    description: 'Factor por no haber obtenido cupo en el sorteo anterior',
  })
  @IsNumber(FINITO, { message: 'pesos.sinAsignacionPrevia debe ser un número entre 1 y 100.' })
  @Min(1, { message: 'pesos.sinAsignacionPrevia debe ser un número entre 1 y 100.' })
  @Max(100, { message: 'pesos.sinAsignacionPrevia debe ser un número entre 1 y 100.' })
  sinAsignacionPrevia!: number;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    example: 0.1,
    description: 'Aumento por cada año de residencia',
  })
  @IsNumber(FINITO, { message: 'pesos.antiguedadPorAnio debe ser un número entre 0 y 1.' })
  @Min(0, { message: 'pesos.antiguedadPorAnio debe ser un número entre 0 y 1.' })
  @Max(1, { message: 'pesos.antiguedadPorAnio debe ser un número entre 0 y 1.' })
  antiguedadPorAnio!: number;

  @ApiProperty({
    minimum: 0,
    maximum: 50,
    example: 10,
    description: 'Años de residencia que cuentan, como máximo',
  })
  @IsInt({ message: 'pesos.antiguedadMaxAnios debe ser un entero entre 0 y 50.' })
  @Min(0, { message: 'pesos.antiguedadMaxAnios debe ser un entero entre 0 y 50.' })
  @Max(50, { message: 'pesos.antiguedadMaxAnios debe ser un entero entre 0 y 50.' })
  antiguedadMaxAnios!: number;
}

/** One tier's score: an integer 0..10000, with its message naming the field. */
function Nivel(campo: string, ejemplo: number, descripcion: string): PropertyDecorator {
  const mensaje = `niveles.${campo} debe ser un entero entre 0 y 10000.`;
  return applyDecorators(
    ApiProperty({ minimum: 0, maximum: 10_000, example: ejemplo, description: descripcion }),
    IsInt({ message: mensaje }),
    Min(0, { message: mensaje }),
    Max(10_000, { message: mensaje }),
  );
}

/** The strict tiers' integer scores (NIVELES-SHA256-v1): a participant adds those that apply. */
export class NivelesPrioridadDto {
  @Nivel('discapacidad', 1000, 'Puntos por discapacidad') discapacidad!: number;
  @Nivel('adultoMayor', 500, 'Puntos por adulto mayor') adultoMayor!: number;
  @Nivel('sinAsignacionPrevia', 100, 'Puntos por no haber obtenido cupo en el sorteo anterior')
  sinAsignacionPrevia!: number;
}

/** `ConfigPrioridad` of API.md: the body of PUT /sorteo/config and the answer of GET. */
export class ConfigPrioridadDto {
  @ApiProperty({
    enum: ['ponderado', 'niveles'],
    required: false,
    default: 'ponderado',
    description:
      'ponderado: ES-SHA256-v1 (pesos); niveles: NIVELES-SHA256-v1 (niveles estrictos). Si se omite en un PUT, ponderado.',
  })
  @IsOptional()
  @IsIn(['ponderado', 'niveles'], { message: 'modo debe ser "ponderado" o "niveles".' })
  modo?: ModoSorteo;
  @ApiProperty({ type: PesosPrioridadDto })
  @ValidateNested()
  @Type(() => PesosPrioridadDto)
  pesos!: PesosPrioridadDto;

  @ApiProperty({
    type: NivelesPrioridadDto,
    required: false,
    description: 'Puntajes del modo niveles. Si se omite en un PUT, los valores por defecto.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NivelesPrioridadDto)
  niveles?: NivelesPrioridadDto;

  @ApiProperty({ minimum: 40, maximum: 100, example: 60 })
  @IsInt({ message: 'edadAdultoMayor debe ser un entero entre 40 y 100.' })
  @Min(40, { message: 'edadAdultoMayor debe ser un entero entre 40 y 100.' })
  @Max(100, { message: 'edadAdultoMayor debe ser un entero entre 40 y 100.' })
  edadAdultoMayor!: number;

  @ApiProperty({
    example: true,
    description: 'Excluir del sorteo a quien no esté al día (paz y salvo)',
  })
  @IsBoolean({ message: 'requiereAlDia debe ser true o false.' })
  requiereAlDia!: boolean;
}

/** The config as the API answers it: every field present (`modo` and `niveles` defaults filled in). */
export class ConfigPrioridadRespuestaDto {
  @ApiProperty({ enum: ['ponderado', 'niveles'] }) modo!: ModoSorteo;
  @ApiProperty({ type: PesosPrioridadDto }) pesos!: PesosPrioridadDto;
  @ApiProperty({ type: NivelesPrioridadDto }) niveles!: NivelesPrioridadDto;
  @ApiProperty({ minimum: 40, maximum: 100, example: 60 }) edadAdultoMayor!: number;
  @ApiProperty({ example: true }) requiereAlDia!: boolean;
}
