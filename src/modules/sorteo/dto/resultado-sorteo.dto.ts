import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConfigPrioridadRespuestaDto } from 'src/modules/config-prioridad/dto/config-prioridad.dto';
import { ALGORITMOS, type Etapa, type ResultadoParticipante } from '../core/tipos';
import { ORIGENES_SEMILLA, type OrigenSemilla } from '../resultado.entity';
import { type TipoVehiculo } from 'src/shared/dominio/vocabulario';
import { MOTIVO_EN_MORA, MOTIVO_INACTIVO } from '../preparacion';
import { RESULTADOS } from './listar-participantes.query';
import { TIPOS_VEHICULO } from './parametros-sorteo.dto';

const PRIVADO =
  'Solo para la administración y para el residente de esa unidad (dato de prioridad: Ley 1581 de 2012).';

export class UnidadDto {
  @ApiProperty({ example: 'A' }) torre!: string;
  @ApiProperty({ example: '501' }) apartamento!: string;
}

export class ResidenteRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() nombre!: string;
}

/**
 * `Participante`. Admins see every field. A resident sees every field but `residente` for the
 * entries of their own unit, and only `unidad`, `tipoVehiculo`, `resultado`, `parqueadero` and
 * `posicionEspera` for everyone else's.
 */
export class ParticipanteDto {
  @ApiPropertyOptional({ description: PRIVADO }) solicitudId?: string;
  @ApiProperty({ type: UnidadDto }) unidad!: UnidadDto;
  @ApiPropertyOptional({ description: PRIVADO }) placa?: string;
  @ApiProperty({ enum: TIPOS_VEHICULO }) tipoVehiculo!: TipoVehiculo;
  @ApiPropertyOptional({ description: PRIVADO }) discapacidad?: boolean;
  @ApiPropertyOptional({ description: PRIVADO }) adultoMayor?: boolean;
  @ApiPropertyOptional({ description: PRIVADO }) sinAsignacionPrevia?: boolean;
  @ApiPropertyOptional({ description: PRIVADO }) aniosResidencia?: number;
  @ApiPropertyOptional({ description: PRIVADO }) peso?: number;
  @ApiPropertyOptional({ description: PRIVADO }) numeroAleatorio?: number;
  @ApiPropertyOptional({ description: PRIVADO }) clave?: number;
  @ApiPropertyOptional({ enum: ['reservada', 'general'], description: PRIVADO }) etapa?: Etapa;
  @ApiPropertyOptional({ description: PRIVADO }) posicion?: number;
  @ApiProperty({ enum: RESULTADOS }) resultado!: ResultadoParticipante;
  @ApiProperty({ type: String, nullable: true }) parqueadero!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Lugar en la lista de espera de su tipo de vehículo',
  })
  posicionEspera!: number | null;
  @ApiPropertyOptional({ type: ResidenteRefDto, description: 'Solo para la administración' })
  residente?: ResidenteRefDto;
}

export class ExcluidaDto {
  @ApiProperty() solicitudId!: string;
  @ApiProperty({ type: UnidadDto }) unidad!: UnidadDto;
  @ApiProperty({ enum: [MOTIVO_EN_MORA, MOTIVO_INACTIVO], example: MOTIVO_EN_MORA })
  motivo!: string;
}

export class ResumenDto {
  @ApiProperty() participantes!: number;
  @ApiProperty() asignados!: number;
  @ApiProperty() enEspera!: number;
  @ApiProperty() excluidos!: number;
}

export class AnuladoDto {
  @ApiProperty() motivo!: string;
  @ApiProperty({ description: 'Id del administrador que anuló' }) por!: string;
  @ApiProperty({ format: 'date-time' }) fecha!: string;
}

export class ParqueaderoRespuestaDto {
  @ApiProperty() codigo!: string;
  @ApiProperty({ enum: TIPOS_VEHICULO }) tipo!: TipoVehiculo;
  @ApiPropertyOptional({
    description:
      'Reservado para personas con discapacidad. Solo lo ve la administración: con el orden por unidad revelaría quién ganó un cupo reservado.',
  })
  discapacidad?: boolean;
}

/** Shown in the list and in the whole result alike. */
const ORIGEN_SEMILLA = ApiProperty({
  enum: ORIGENES_SEMILLA,
  description:
    'De dónde salió la semilla: servidor (generador criptográfico), manual (la trajo la solicitud) o convocatoria (sorteo anunciado)',
});

/** A draw as listed in GET /sorteo/resultados. */
export class ResumenSorteoDto {
  @ApiProperty() id!: string;
  @ApiProperty() nombre!: string;
  @ApiProperty({ format: 'date-time', description: 'El instante t del sorteo' })
  ejecutadoEn!: string;
  @ApiProperty({ description: 'Id del administrador que lo ejecutó' }) ejecutadoPor!: string;
  @ApiProperty({ enum: Object.values(ALGORITMOS) }) algoritmo!: string;
  @ORIGEN_SEMILLA origenSemilla!: OrigenSemilla;
  @ApiProperty({ description: '64 hexadecimales: con ella cualquiera puede recalcular el sorteo' })
  semilla!: string;
  @ApiProperty({ description: 'SHA-256 de los insumos (SORTEO.md)' }) insumosHash!: string;
  @ApiProperty({ type: ResumenDto }) resumen!: ResumenDto;
  @ApiProperty({ type: AnuladoDto, nullable: true }) anulado!: AnuladoDto | null;
}

export class FuentePublicaDto {
  @ApiProperty({
    maxLength: 200,
    example: 'Lotería de Bogotá del jueves 3 de diciembre de 2026, número ganador, 4 cifras',
  })
  descripcion!: string;
}

/** An announced draw's seed derivation (SORTEO.md, PARKNET-SEMILLA-v1): public to every reader. */
export class ConvocatoriaReveladaDto {
  @ApiProperty({ description: 'Id de la convocatoria' }) id!: string;
  @ApiProperty({ format: 'date-time', description: 'Instante del cierre: t de los atributos' })
  cerradaEn!: string;
  @ApiProperty({ type: [FuentePublicaDto] }) fuentesPublicas!: FuentePublicaDto[];
  @ApiProperty({
    type: [String],
    description: 'Los valores de las fuentes, en forma canónica y en el orden anunciado',
  })
  valoresPublicos!: string[];
  @ApiProperty({ description: 'SHA-256 de secretoServidor, publicado al cerrar' })
  compromisoServidor!: string;
  @ApiProperty({ description: 'El secreto del servidor, revelado con el resultado' })
  secretoServidor!: string;
}

/** `ResultadoSorteo` of API.md. */
export class ResultadoSorteoDto {
  @ApiProperty() id!: string;
  @ApiProperty() nombre!: string;
  @ApiProperty({ format: 'date-time' }) ejecutadoEn!: string;
  @ApiProperty() ejecutadoPor!: string;
  @ApiProperty({ enum: Object.values(ALGORITMOS) }) algoritmo!: string;
  @ORIGEN_SEMILLA origenSemilla!: OrigenSemilla;
  @ApiProperty() semilla!: string;
  @ApiProperty() insumosHash!: string;
  @ApiProperty({
    type: ConvocatoriaReveladaDto,
    nullable: true,
    description: 'La derivación de la semilla de un sorteo anunciado; null en un sorteo inmediato',
  })
  convocatoria!: ConvocatoriaReveladaDto | null;
  @ApiProperty({ type: ConfigPrioridadRespuestaDto }) config!: ConfigPrioridadRespuestaDto;
  @ApiProperty({ type: [ParqueaderoRespuestaDto] }) parqueaderos!: ParqueaderoRespuestaDto[];
  @ApiProperty({ type: [ParticipanteDto], description: 'En el orden del resultado (SORTEO.md)' })
  participantes!: ParticipanteDto[];
  @ApiProperty({
    type: [ExcluidaDto],
    description: 'Residentes excluidos; un residente solo ve las de su propia unidad',
  })
  excluidas!: ExcluidaDto[];
  @ApiProperty({ type: ResumenDto }) resumen!: ResumenDto;
  @ApiProperty({ type: AnuladoDto, nullable: true }) anulado!: AnuladoDto | null;
}

export class VerificacionDto {
  @ApiProperty() valido!: boolean;
  @ApiProperty({
    type: [String],
    description:
      'Cada campo que difiere del recálculo, en español (hasta 1000 y una línea con el resto). Vacía para un residente: los detalles nombran a otros participantes.',
  })
  diferencias!: string[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Cuántas diferencias hay en total' })
  totalDiferencias!: number;
}

export class MiAsignacionDto {
  @ApiProperty() sorteoId!: string;
  @ApiProperty({ description: 'Nombre del sorteo' }) nombre!: string;
  @ApiProperty({ enum: TIPOS_VEHICULO }) tipoVehiculo!: TipoVehiculo;
  @ApiProperty() placa!: string;
  @ApiProperty({ enum: RESULTADOS }) resultado!: ResultadoParticipante;
  @ApiProperty({ type: String, nullable: true }) parqueadero!: string | null;
  @ApiProperty({ type: Number, nullable: true }) posicionEspera!: number | null;
}
