import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import type { CodigoError } from 'src/shared/errors/error-codes';
import { ESTADOS_SOLICITUD, EstadoSolicitud } from '../solicitud.entity';

export const MAX_IDS_APROBACION = 1000;

/** The codes an item can carry: those of one PATCH to `aprobada` (CONVOCATORIA_CERRADA aside). */
export const CODIGOS_APROBACION = [
  'TRANSICION_INVALIDA',
  'RESIDENTE_EN_MORA',
  'NO_ENCONTRADO',
  'SORTEO_EN_CURSO',
] as const;

export class AprobarSolicitudesDto {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_IDS_APROBACION,
    description:
      'Ids de solicitudes. Un id inexistente o mal formado no invalida el resto: su resultado trae NO_ENCONTRADO. Un id repetido recibe el mismo resultado que su primera aparición.',
  })
  @IsArray({ message: 'ids debe ser una lista.' })
  @ArrayMinSize(1, { message: 'ids debe tener al menos un id.' })
  @ArrayMaxSize(MAX_IDS_APROBACION, {
    message: `ids admite como máximo ${MAX_IDS_APROBACION} ids por llamada.`,
  })
  @IsString({ each: true, message: 'Cada id debe ser texto.' })
  @MaxLength(64, { each: true, message: 'Cada id debe tener como máximo 64 caracteres.' })
  ids!: string[];
}

export class ResultadoAprobacionDto {
  @ApiProperty({ description: 'El id tal como se envió.' }) id!: string;
  @ApiProperty({
    enum: [...ESTADOS_SOLICITUD, null],
    nullable: true,
    description:
      'Estado de la solicitud después de la llamada (aprobada si se aprobó); null si no existe.',
  })
  estado!: EstadoSolicitud | null;
  @ApiPropertyOptional({
    enum: CODIGOS_APROBACION,
    description: 'Por qué no se aprobó; ausente si se aprobó.',
  })
  code?: CodigoError;
  @ApiPropertyOptional({ description: 'Explicación en español, como la de un PATCH.' })
  message?: string;
}

export class AprobacionesRespuestaDto {
  @ApiProperty({
    type: [ResultadoAprobacionDto],
    description: 'Un resultado por id enviado, en el mismo orden.',
  })
  resultados!: ResultadoAprobacionDto[];
}
