import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, Matches, MaxLength, ValidateIf } from 'class-validator';
import { minusculas, recortar } from 'src/shared/validation/transformers';
import { CrearResidenteDto } from './crear-residente.dto';

/** Absent means "leave it"; null is a value and must pass the field's validators. */
const SiSeEnvia = (): PropertyDecorator => ValidateIf((_: object, v: unknown) => v !== undefined);

/**
 * Every field optional, but `null` is refused where the field cannot be empty (nombre, documento,
 * torre, apartamento, tipo, the booleans) and for email: once set it can be changed, not removed,
 * because the login account hangs on it. telefono and the dates accept null to clear them.
 */
export class ActualizarResidenteDto extends PartialType(
  OmitType(CrearResidenteDto, ['email', 'discapacidad', 'alDia'] as const),
  { skipNullProperties: false },
) {
  @ApiPropertyOptional({ example: 'ana@example.com', description: 'Se puede cambiar, no quitar.' })
  @SiSeEnvia()
  @Transform(minusculas)
  @IsEmail({}, { message: 'email debe ser un correo electrónico válido (no se puede quitar).' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @SiSeEnvia()
  @IsBoolean({ message: 'discapacidad debe ser true o false.' })
  discapacidad?: boolean;

  @ApiPropertyOptional({ description: 'Paz y salvo con la administración.' })
  @SiSeEnvia()
  @IsBoolean({ message: 'alDia debe ser true o false.' })
  alDia?: boolean;

  @ApiPropertyOptional({
    description: 'false equivale a DELETE; true reactiva (la cuenta necesitará nueva activación).',
  })
  @SiSeEnvia()
  @IsBoolean({ message: 'activo debe ser true o false.' })
  activo?: boolean;
}

export class ActualizarMiPerfilDto {
  @ApiPropertyOptional({ example: '3001234567' })
  @Transform(recortar)
  @Matches(/^\+?[0-9 ]{7,20}$/, {
    message: 'telefono debe tener entre 7 y 20 dígitos (puede empezar por +).',
  })
  telefono!: string;
}
