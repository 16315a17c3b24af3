import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Rol } from 'src/core/auth/roles';

export class UsuarioDto {
  @ApiProperty({ example: '665f1a000000000000000001' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) rol!: Rol;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null para el personal (admin, revisor)',
  })
  residenteId!: string | null;
}

export class SesionDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Opaco; de un solo uso: /auth/refresh entrega uno nuevo.' })
  refreshToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Vigencia del accessToken en segundos.', example: 900 })
  expiresIn!: number;
  @ApiProperty({ type: UsuarioDto }) usuario!: UsuarioDto;
}
