import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

const aMinusculas = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class LoginDto {
  @ApiProperty({ example: 'admin@conjunto.co' })
  @Transform(aMinusculas)
  @IsEmail({}, { message: 'email debe ser un correo electrónico válido.' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'una frase larga y fácil de recordar' })
  @IsString({ message: 'password debe ser texto.' })
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'El refreshToken de la última Sesion; sirve una sola vez.' })
  @IsString({ message: 'refreshToken debe ser texto.' })
  @MinLength(1)
  @MaxLength(512)
  refreshToken!: string;
}

export class ActivarDto {
  @ApiProperty({ description: 'El token de activación entregado al crear el residente.' })
  @IsString({ message: 'token debe ser texto.' })
  @MinLength(1)
  @MaxLength(512)
  token!: string;

  @ApiProperty({
    description: 'Mínimo 15 caracteres, máximo 72 bytes, no común, distinta del correo.',
  })
  @IsString({ message: 'password debe ser texto.' })
  @MaxLength(1024)
  password!: string;
}

export class CambiarPasswordDto {
  @ApiProperty()
  @IsString({ message: 'passwordActual debe ser texto.' })
  @MaxLength(1024)
  passwordActual!: string;

  @ApiProperty({
    description: 'Mínimo 15 caracteres, máximo 72 bytes, no común, distinta del correo.',
  })
  @IsString({ message: 'passwordNueva debe ser texto.' })
  @MaxLength(1024)
  passwordNueva!: string;
}
