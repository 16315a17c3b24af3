import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ROLES_PERSONAL, RolPersonal } from 'src/core/auth/roles';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';

export class ListarUsuariosQuery extends PaginacionQueryDto {
  @ApiPropertyOptional({ enum: ROLES_PERSONAL, description: 'Sin él: admin y revisor.' })
  @IsOptional()
  @IsIn(ROLES_PERSONAL, { message: `rol debe ser uno de: ${ROLES_PERSONAL.join(', ')}.` })
  rol?: RolPersonal;
}
