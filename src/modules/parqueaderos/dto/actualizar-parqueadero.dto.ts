import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsBoolean, IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';
import { MAX_ZONA, TIPOS_PARQUEADERO, TipoParqueadero } from '../parqueadero.entity';
import { SoloCarroReservado, zonaONula } from './crear-parqueadero.dto';

/** Absent means "leave it"; null is a value and must pass the field's validators. */
const SiSeEnvia = (): PropertyDecorator => ValidateIf((_: object, v: unknown) => v !== undefined);

/** Every field but `codigo`, which never changes; `zona: null` (or blank) removes the zona. */
export class ActualizarParqueaderoDto {
  /** Not documented as a field: present only to refuse it with a message that says why. */
  @SiSeEnvia()
  @Equals(undefined, { message: 'codigo no se puede cambiar; cree otro parqueadero.' })
  codigo?: never;

  @ApiPropertyOptional({ enum: TIPOS_PARQUEADERO })
  @SiSeEnvia()
  @IsIn(TIPOS_PARQUEADERO, { message: 'tipo debe ser carro o moto.' })
  tipo?: TipoParqueadero;

  @ApiPropertyOptional({ description: 'Solo en parqueaderos de carro (también tras cambiar tipo)' })
  @SiSeEnvia()
  @IsBoolean({ message: 'discapacidad debe ser true o false.' })
  @SoloCarroReservado()
  discapacidad?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_ZONA, example: 'Sótano 1' })
  @Transform(zonaONula)
  @ValidateIf((_: object, v: unknown) => v !== undefined && v !== null)
  @IsString({ message: 'zona debe ser texto.' })
  @MaxLength(MAX_ZONA, { message: `zona admite como máximo ${MAX_ZONA} caracteres.` })
  zona?: string | null;

  @ApiPropertyOptional({
    description: 'false equivale a DELETE; true lo vuelve al inventario activo',
  })
  @SiSeEnvia()
  @IsBoolean({ message: 'activo debe ser true o false.' })
  activo?: boolean;
}
