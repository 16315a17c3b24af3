import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, Max, Min, ValidateNested } from 'class-validator';

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

/** `ConfigPrioridad` of API.md: the body of PUT /sorteo/config and the answer of GET. */
export class ConfigPrioridadDto {
  @ApiProperty({ type: PesosPrioridadDto })
  @ValidateNested()
  @Type(() => PesosPrioridadDto)
  pesos!: PesosPrioridadDto;

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
