import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { ROLES_PERSONAL, RolPersonal } from 'src/core/auth/roles';
import { minusculas, recortar } from 'src/shared/validation/transformers';

export class CrearUsuarioDto {
  @ApiProperty({ example: 'revisoria@conjunto.co' })
  @Transform(minusculas)
  @IsEmail({}, { message: 'email debe ser un correo electrónico válido.' })
  @MaxLength(254, { message: 'email no puede pasar de 254 caracteres.' })
  email!: string;

  @ApiProperty({ example: 'Carolina Gómez (revisora fiscal)' })
  @Transform(recortar)
  @IsString({ message: 'nombre debe ser texto.' })
  @Length(2, 120, { message: 'nombre debe tener entre 2 y 120 caracteres.' })
  nombre!: string;

  @ApiProperty({ enum: ROLES_PERSONAL })
  @IsIn(ROLES_PERSONAL, { message: `rol debe ser uno de: ${ROLES_PERSONAL.join(', ')}.` })
  rol!: RolPersonal;
}
