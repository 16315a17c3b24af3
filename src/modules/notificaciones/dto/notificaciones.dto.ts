import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginacionQueryDto } from 'src/shared/pagination/pagination.dto';
import { recortar } from 'src/shared/validation/transformers';
import { ESTADOS_NOTIFICACION, EstadoNotificacion } from '../schemas/notificacion.schema';

export class ListarNotificacionesQuery extends PaginacionQueryDto {
  @ApiPropertyOptional({ enum: ESTADOS_NOTIFICACION })
  @IsOptional()
  @IsIn(ESTADOS_NOTIFICACION, { message: 'estado debe ser pendiente, enviada o fallida.' })
  estado?: EstadoNotificacion;

  @ApiPropertyOptional({
    description: 'Correo exacto del destinatario (sin distinguir mayúsculas)',
  })
  @IsOptional()
  @Transform(recortar)
  @IsString({ message: 'destinatario debe ser texto.' })
  @MaxLength(254, { message: 'destinatario admite como máximo 254 caracteres.' })
  destinatario?: string;
}

/** A message of the outbox without its bodies: they may hold an activation link (a secret). */
export class NotificacionDto {
  @ApiProperty({ example: 'solicitud:665f1c2e8b3a4d0012345678:aprobada' }) id!: string;
  @ApiProperty({ example: 'solicitud_aprobada' }) tipo!: string;
  @ApiProperty() destinatario!: string;
  @ApiProperty() asunto!: string;
  @ApiProperty({ description: 'El cuerpo lleva un secreto (enlace de activación)' })
  confidencial!: boolean;
  @ApiProperty({ enum: ESTADOS_NOTIFICACION }) estado!: EstadoNotificacion;
  @ApiProperty({ type: 'integer' }) intentos!: number;
  @ApiProperty({ type: String, format: 'date-time' }) proximoIntento!: string;
  @ApiProperty({ type: String, format: 'date-time' }) venceEn!: string;
  @ApiProperty({ type: String, format: 'date-time' }) creadaEn!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) enviadaEn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Respuesta SMTP o error de red' })
  ultimoError!: string | null;
}
