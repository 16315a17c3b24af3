import { ApiProperty, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { minusculas, recortar } from 'src/shared/validation/transformers';
import { CrearResidenteDto } from 'src/modules/residentes/dto/crear-residente.dto';

/**
 * POST /auth/registro. The fields of POST /residentes a person may state about themself, with the
 * email required and the password they will log in with. Priority attributes (`discapacidad`,
 * `fechaNacimiento`, `alDia`) and `fechaIngreso` are not fields here: sent, they are refused as
 * unknown (400 VALIDACION); the administration sets them.
 */
export class RegistroDto extends PickType(CrearResidenteDto, [
  'nombre',
  'documento',
  'telefono',
  'torre',
  'apartamento',
  'tipo',
] as const) {
  @ApiProperty({ example: 'ana@example.com' })
  @Transform(minusculas)
  @IsEmail({}, { message: 'email debe ser un correo electrónico válido.' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    description:
      'La contraseña con la que entrará cuando se apruebe el registro: mínimo 15 caracteres, ' +
      'máximo 72 bytes, no común, distinta del correo.',
  })
  @IsString({ message: 'password debe ser texto.' })
  @MaxLength(1024)
  password!: string;
}

export class VerificarCorreoDto {
  @ApiProperty({ description: 'El token del enlace de verificación enviado por correo.' })
  @IsString({ message: 'token debe ser texto.' })
  @MinLength(1)
  @MaxLength(512)
  token!: string;
}

export class RechazarRegistroDto {
  @ApiProperty({ maxLength: 500, description: 'Se envía a la persona en el correo de rechazo.' })
  @Transform(recortar)
  @IsString({ message: 'motivo debe ser texto.' })
  @Length(1, 500, { message: 'motivo debe tener entre 1 y 500 caracteres.' })
  motivo!: string;
}

export class MensajeDto {
  @ApiProperty() mensaje!: string;
}
