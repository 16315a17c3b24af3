import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActivacionDto } from 'src/modules/auth/dto/activacion.dto';
import {
  ESTADOS_CUENTA_RESIDENTE,
  ESTADOS_REGISTRO,
  EstadoRegistro,
  TIPOS_DOCUMENTO,
  TIPOS_RESIDENTE,
  CuentaResidente,
  TipoDocumento,
  TipoResidente,
} from '../schemas/residente.schema';

class DocumentoResponseDto {
  @ApiProperty({ enum: TIPOS_DOCUMENTO }) tipo!: TipoDocumento;
  @ApiProperty() numero!: string;
}

export class ResidenteDto {
  @ApiProperty() id!: string;
  @ApiProperty() nombre!: string;
  @ApiProperty({ type: DocumentoResponseDto }) documento!: DocumentoResponseDto;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) telefono!: string | null;
  @ApiProperty() torre!: string;
  @ApiProperty() apartamento!: string;
  @ApiProperty({ enum: TIPOS_RESIDENTE }) tipo!: TipoResidente;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) fechaIngreso!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) fechaNacimiento!: string | null;
  @ApiProperty() discapacidad!: boolean;
  @ApiProperty() alDia!: boolean;
  @ApiProperty() activo!: boolean;
  @ApiProperty({ enum: ESTADOS_CUENTA_RESIDENTE }) cuenta!: CuentaResidente;
  @ApiProperty({
    enum: [...ESTADOS_REGISTRO, null],
    nullable: true,
    description: 'null: creado por la administración; si no, el estado de su autorregistro.',
  })
  registro!: EstadoRegistro | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ResidenteCreadoDto extends ResidenteDto {
  @ApiPropertyOptional({ type: ActivacionDto, description: 'Solo cuando se dio un email.' })
  activacion?: ActivacionDto;
}
