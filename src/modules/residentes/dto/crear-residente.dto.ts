import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsFechaCalendario, NoFutura } from 'src/shared/validation/fecha-calendario';
import { mayusculas, minusculas, recortar } from 'src/shared/validation/transformers';
import {
  TIPOS_DOCUMENTO,
  TIPOS_RESIDENTE,
  TipoDocumento,
  TipoResidente,
} from '../schemas/residente.schema';

export class DocumentoDto {
  @ApiProperty({ enum: TIPOS_DOCUMENTO })
  @IsIn(TIPOS_DOCUMENTO, {
    message: `documento.tipo debe ser uno de: ${TIPOS_DOCUMENTO.join(', ')}.`,
  })
  tipo!: TipoDocumento;

  @ApiProperty({ example: '1020304050', description: '3 a 20 letras o dígitos' })
  @Transform(mayusculas)
  @IsString()
  @Matches(/^[A-Z0-9]{3,20}$/, {
    message: 'documento.numero debe tener entre 3 y 20 letras o dígitos.',
  })
  numero!: string;
}

const UNIDAD = /^[A-Z0-9-]{1,10}$/;

export class CrearResidenteDto {
  @ApiProperty({ example: 'Ana María Pérez' })
  @Transform(recortar)
  @IsString()
  @Length(2, 120, { message: 'nombre debe tener entre 2 y 120 caracteres.' })
  nombre!: string;

  @ApiProperty({ type: DocumentoDto })
  @ValidateNested()
  @Type(() => DocumentoDto)
  documento!: DocumentoDto;

  @ApiPropertyOptional({ example: 'ana@example.com', description: 'Necesario para tener cuenta.' })
  @IsOptional()
  @Transform(minusculas)
  @IsEmail({}, { message: 'email debe ser un correo electrónico válido.' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '3001234567' })
  @IsOptional()
  @Transform(recortar)
  @Matches(/^\+?[0-9 ]{7,20}$/, {
    message: 'telefono debe tener entre 7 y 20 dígitos (puede empezar por +).',
  })
  telefono?: string;

  @ApiProperty({ example: 'A' })
  @Transform(mayusculas)
  @IsString()
  @Matches(UNIDAD, { message: 'torre debe tener 1 a 10 letras, dígitos o guiones.' })
  torre!: string;

  @ApiProperty({ example: '501' })
  @Transform(mayusculas)
  @IsString()
  @Matches(UNIDAD, { message: 'apartamento debe tener 1 a 10 letras, dígitos o guiones.' })
  apartamento!: string;

  @ApiProperty({ enum: TIPOS_RESIDENTE })
  @IsIn(TIPOS_RESIDENTE, { message: `tipo debe ser uno de: ${TIPOS_RESIDENTE.join(', ')}.` })
  tipo!: TipoResidente;

  @ApiPropertyOptional({ example: '2019-03-01', format: 'date' })
  @IsOptional()
  @IsFechaCalendario()
  fechaIngreso?: string;

  @ApiPropertyOptional({ example: '1958-11-20', format: 'date' })
  @IsOptional()
  @IsFechaCalendario()
  @NoFutura()
  fechaNacimiento?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'discapacidad debe ser true o false.' })
  discapacidad?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Paz y salvo con la administración.' })
  @IsOptional()
  @IsBoolean({ message: 'alDia debe ser true o false.' })
  alDia?: boolean;
}
