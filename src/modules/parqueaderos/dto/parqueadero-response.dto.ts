import { ApiProperty } from '@nestjs/swagger';
import { TIPOS_PARQUEADERO, TipoParqueadero } from '../parqueadero.entity';

/** What a resident sees of a spot: where it is and what it is for, nothing of its status. */
export class ParqueaderoVistaResidenteDto {
  @ApiProperty({ example: 'S1-001' }) codigo!: string;
  @ApiProperty({ enum: TIPOS_PARQUEADERO }) tipo!: TipoParqueadero;
  @ApiProperty({ type: String, nullable: true, example: 'Sótano 1' }) zona!: string | null;
}

/** `Parqueadero` of API.md, as staff see it. */
export class ParqueaderoInventarioDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'S1-001' }) codigo!: string;
  @ApiProperty({ enum: TIPOS_PARQUEADERO }) tipo!: TipoParqueadero;
  @ApiProperty() discapacidad!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'Sótano 1' }) zona!: string | null;
  @ApiProperty() activo!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
