import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

const DESTINOS = ['aprobada', 'rechazada', 'cancelada'] as const;

export class CambiarEstadoDto {
  @ApiProperty({
    enum: DESTINOS,
    description:
      'admin: aprobada, rechazada (con motivo) o cancelada; residente (dueño): solo cancelada. asignada/no_asignada solo las pone un sorteo.',
  })
  @IsIn(['pendiente', 'aprobada', 'rechazada', 'cancelada', 'asignada', 'no_asignada'], {
    message: 'estado debe ser un estado de solicitud.',
  })
  estado!: 'pendiente' | 'aprobada' | 'rechazada' | 'cancelada' | 'asignada' | 'no_asignada';

  @ApiPropertyOptional({ maxLength: 500, description: 'Obligatorio al rechazar.' })
  @IsOptional()
  @IsString({ message: 'motivo debe ser texto.' })
  @MaxLength(500)
  motivo?: string;
}
