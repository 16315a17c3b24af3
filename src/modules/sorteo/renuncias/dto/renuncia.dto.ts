import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { recortar } from 'src/shared/validation/transformers';
import { TIPOS_MOVIMIENTO, type TipoMovimiento } from 'src/modules/sorteo/core/movimientos';
import { UnidadDto } from 'src/modules/sorteo/dto/resultado-sorteo.dto';

export class RenunciaDto {
  @ApiProperty({ description: 'La solicitud que tiene el parqueadero (un residente: la suya)' })
  @Matches(/^[0-9a-f]{24}$/, {
    message: 'solicitudId debe tener 24 caracteres hexadecimales en minúscula.',
  })
  solicitudId!: string;

  @ApiPropertyOptional({
    example: 'Vendí el carro',
    description: '3 a 500 caracteres; queda en el historial de la solicitud',
  })
  @IsOptional()
  @Transform(recortar)
  @IsString({ message: 'motivo debe ser texto.' })
  @Length(3, 500, { message: 'motivo debe tener entre 3 y 500 caracteres.' })
  motivo?: string;
}

const ADMIN_O_PROPIO =
  'Solo para la administración y para el residente de esa unidad (el motivo de una omisión puede ser la mora: Ley 1581 de 2012).';

/**
 * One movimiento (SORTEO.md). Admins see every field; a resident sees their own unit's whole and
 * other units' as `{n, tipo, unidad, parqueadero}`, with `unidad: null` on others' omisiones
 * (being passed over means being inactive or in arrears, which is not published).
 */
export class MovimientoDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: '1, 2, … por sorteo, sin huecos' })
  n!: number;
  @ApiProperty({ enum: TIPOS_MOVIMIENTO }) tipo!: TipoMovimiento;
  @ApiProperty({ type: UnidadDto, nullable: true, description: 'Null en una vacante' })
  unidad!: UnidadDto | null;
  @ApiProperty({ description: 'El parqueadero liberado, promovido, omitido o vacante' })
  parqueadero!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: ADMIN_O_PROPIO })
  solicitudId?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: `Renuncia: RENUNCIA o BAJA; omisión: RESIDENTE_INACTIVO, RESIDENTE_EN_MORA o SOLICITUD_FUERA_DE_LISTA. ${ADMIN_O_PROPIO}`,
  })
  motivo?: string | null;
  @ApiPropertyOptional({ format: 'date-time', description: ADMIN_O_PROPIO }) fecha?: string;
  @ApiPropertyOptional({ description: `Id del usuario que pidió la renuncia. ${ADMIN_O_PROPIO}` })
  por?: string;
}

export class RenunciaRespuestaDto {
  @ApiProperty({
    type: [MovimientoDto],
    description: 'La renuncia y lo que siguió: omisiones, y la promoción o la vacante',
  })
  movimientos!: MovimientoDto[];
}
