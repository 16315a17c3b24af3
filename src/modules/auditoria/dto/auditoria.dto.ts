import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';
import { recortar } from 'src/shared/validation/transformers';
import { ACCIONES } from '../entrada-auditoria';

const FECHA = { strict: true, strictSeparator: true } as const;

/** GET /auditoria: filters by exact value; the dotted names are API.md's. */
export class ListarAuditoriaQuery extends PaginacionQueryDto {
  @ApiPropertyOptional({ enum: ACCIONES })
  @IsOptional()
  @IsIn(ACCIONES, { message: 'accion no es una acción conocida del registro.' })
  accion?: string;

  @ApiPropertyOptional({ name: 'recurso.tipo', example: 'residente' })
  @IsOptional()
  @Transform(recortar)
  @IsString({ message: 'recurso.tipo debe ser texto.' })
  @MaxLength(40, { message: 'recurso.tipo admite como máximo 40 caracteres.' })
  'recurso.tipo'?: string;

  @ApiPropertyOptional({ name: 'recurso.id', example: '665f1c2e8b3a4d0012345678' })
  @IsOptional()
  @Transform(recortar)
  @IsString({ message: 'recurso.id debe ser texto.' })
  @MaxLength(100, { message: 'recurso.id admite como máximo 100 caracteres.' })
  'recurso.id'?: string;

  @ApiPropertyOptional({
    description: 'Id del usuario que hizo el cambio (`sistema` para el servidor)',
  })
  @IsOptional()
  @Transform(recortar)
  @IsString({ message: 'actor debe ser texto.' })
  @MaxLength(100, { message: 'actor admite como máximo 100 caracteres.' })
  actor?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Desde este instante, incluido' })
  @IsOptional()
  @IsISO8601(FECHA, { message: 'desde debe ser una fecha ISO 8601.' })
  desde?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Hasta este instante, incluido' })
  @IsOptional()
  @IsISO8601(FECHA, { message: 'hasta debe ser una fecha ISO 8601.' })
  hasta?: string;
}

export class ActorAuditoriaDto {
  @ApiProperty({
    description:
      'Id del usuario; `sistema` para lo que hace el servidor; en un autorregistro (rol ' +
      '`registro`), el id del residente que se registra, que aún no tiene sesión',
  })
  id!: string;

  @ApiProperty({ enum: ['admin', 'revisor', 'residente', 'registro', 'sistema'] }) rol!: string;
}

export class RecursoAuditoriaDto {
  @ApiProperty({ example: 'residente' }) tipo!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null en acciones masivas' })
  id!: string | null;
}

export class EntradaAuditoriaDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) n!: number;
  @ApiProperty({ type: String, format: 'date-time' }) fecha!: string;
  @ApiProperty({ type: ActorAuditoriaDto }) actor!: ActorAuditoriaDto;
  @ApiProperty({ enum: ACCIONES }) accion!: string;
  @ApiProperty({ type: RecursoAuditoriaDto }) recurso!: RecursoAuditoriaDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'Por convención `{campo: {antes, despues}}`; las acciones masivas listan sus elementos',
  })
  cambios!: unknown;
  @ApiProperty({ description: 'hash de la entrada anterior (64 ceros en la primera)' })
  hashPrevio!: string;
  @ApiProperty({ description: 'SHA-256 hex del JSON canónico de la entrada sin `hash`' })
  hash!: string;
}

export class PrimerErrorDto {
  @ApiProperty({ type: 'integer' }) n!: number;
  @ApiProperty() motivo!: string;
}

export class VerificacionAuditoriaDto {
  @ApiProperty() valido!: boolean;
  @ApiProperty({ type: 'integer', description: 'Entradas guardadas que se leyeron' })
  entradas!: number;
  @ApiProperty({ type: PrimerErrorDto, nullable: true }) primerError!: PrimerErrorDto | null;
}
