import { ApiProperty } from '@nestjs/swagger';
import { ROLES_PERSONAL, RolPersonal } from 'src/core/auth/roles';
import { ActivacionDto } from 'src/modules/auth/dto/activacion.dto';
import { ESTADOS_CUENTA, EstadoCuenta } from 'src/modules/auth/schemas/usuario.schema';

/** A staff account: the `Usuario` of a session plus what the administration needs to manage it. */
export class UsuarioPersonalDto {
  @ApiProperty({ example: '665f1a000000000000000001' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES_PERSONAL }) rol!: RolPersonal;
  @ApiProperty({ type: String, nullable: true, description: 'Siempre null: no es un residente.' })
  residenteId!: null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null solo en el administrador inicial (ADMIN_EMAIL), creado sin nombre.',
  })
  nombre!: string | null;
  @ApiProperty({
    enum: ESTADOS_CUENTA,
    description: 'deshabilitada: retirada con DELETE /usuarios/:id; ya no inicia sesión.',
  })
  estado!: EstadoCuenta;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UsuarioCreadoDto {
  @ApiProperty({ type: UsuarioPersonalDto }) usuario!: UsuarioPersonalDto;
  @ApiProperty({ type: ActivacionDto }) activacion!: ActivacionDto;
}
