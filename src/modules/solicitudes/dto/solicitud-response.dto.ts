import { ApiProperty } from '@nestjs/swagger';
import { ESTADOS_SOLICITUD, EstadoSolicitud } from '../solicitud.entity';

class UnidadDto {
  @ApiProperty({ example: 'A' }) torre!: string;
  @ApiProperty({ example: '501' }) apartamento!: string;
}

class VehiculoResponseDto {
  @ApiProperty({ example: 'ABC123' }) placa!: string;
  @ApiProperty({ enum: ['carro', 'moto'] }) tipo!: 'carro' | 'moto';
}

class EntradaHistorialDto {
  @ApiProperty({ enum: ESTADOS_SOLICITUD }) estado!: EstadoSolicitud;
  @ApiProperty({ format: 'date-time' }) fecha!: string;
  @ApiProperty({ type: String, nullable: true }) usuarioId!: string | null;
  @ApiProperty({ type: String, nullable: true }) motivo!: string | null;
}

export class SolicitudDto {
  @ApiProperty() id!: string;
  @ApiProperty() residenteId!: string;
  @ApiProperty({ type: UnidadDto }) unidad!: UnidadDto;
  @ApiProperty({ type: VehiculoResponseDto }) vehiculo!: VehiculoResponseDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Texto libre del solicitante (campo adicional al contrato).',
  })
  observaciones!: string | null;
  @ApiProperty({ enum: ESTADOS_SOLICITUD }) estado!: EstadoSolicitud;
  @ApiProperty({ type: String, nullable: true }) motivo!: string | null;
  @ApiProperty({ type: String, nullable: true }) sorteoId!: string | null;
  @ApiProperty({ type: String, nullable: true }) parqueadero!: string | null;
  @ApiProperty({ type: Number, nullable: true }) posicionEspera!: number | null;
  @ApiProperty({ type: [EntradaHistorialDto] }) historial!: EntradaHistorialDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
