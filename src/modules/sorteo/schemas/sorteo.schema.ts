import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import {
  ConvocatoriaRevelada,
  ESTADOS_SORTEO,
  EstadoSorteo,
  ORIGENES_SEMILLA,
  OrigenSemilla,
} from '../resultado.entity';

@Schema({ _id: false, versionKey: false })
export class ResumenDoc {
  @Prop({ type: Number, required: true }) participantes!: number;
  @Prop({ type: Number, required: true }) asignados!: number;
  @Prop({ type: Number, required: true }) enEspera!: number;
  @Prop({ type: Number, required: true }) excluidos!: number;
}

@Schema({ _id: false, versionKey: false })
export class ConteoBloquesDoc {
  @Prop({ type: Number, required: true }) participantes!: number;
  @Prop({ type: Number, required: true }) excluidas!: number;
  @Prop({ type: Number, required: true }) parqueaderos!: number;
}

@Schema({ _id: false, versionKey: false })
export class AnuladoDoc {
  @Prop({ type: String, required: true }) motivo!: string;
  @Prop({ type: String, required: true }) por!: string;
  @Prop({ type: Date, required: true }) fecha!: Date;
}

/**
 * A draw's header. Participants, exclusions and spots live in `sorteo_bloques`, so a draw of any
 * size never approaches the 16 MB document limit, and the header stays small enough that the few
 * updates it gets (status, annulment) are cheap even on FerretDB, which rewrites by scanning.
 */
@Schema({ collection: 'sorteos', versionKey: false })
export class SorteoDoc {
  @Prop({ type: Number, required: true }) turno!: number;
  @Prop({ type: String, enum: ESTADOS_SORTEO, required: true }) estado!: EstadoSorteo;
  @Prop({ type: String, required: true }) nombre!: string;
  @Prop({ type: Date, required: true }) ejecutadoEn!: Date;
  @Prop({ type: String, required: true }) ejecutadoPor!: string;
  @Prop({ type: String, required: true }) algoritmo!: string;
  /** Absent in draws stored before it existed: read as 'manual', since a request could bring one. */
  @Prop({ type: String, enum: ORIGENES_SEMILLA }) origenSemilla?: OrigenSemilla;
  @Prop({ type: String, required: true }) semilla!: string;
  @Prop({ type: String, required: true }) insumosHash!: string;
  /** An announced draw's derivation (absent or null: an immediate draw). */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  convocatoria!: ConvocatoriaRevelada | null;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) config!: ConfigPrioridad;
  @Prop({ type: ResumenDoc, required: true }) resumen!: ResumenDoc;
  @Prop({ type: Number, required: true }) tamanoBloque!: number;
  @Prop({ type: ConteoBloquesDoc, required: true }) bloques!: ConteoBloquesDoc;
  @Prop({ type: AnuladoDoc, default: null }) anulado!: AnuladoDoc | null;
  @Prop({ type: Date, default: null }) completadoEn!: Date | null;
}

export const SorteoSchema = SchemaFactory.createForClass(SorteoDoc);
SorteoSchema.index({ estado: 1, turno: -1 });

/**
 * A slice of one of a draw's lists, keyed `${sorteoId}:${tipo}:${indice}` so every read is a
 * primary-key lookup (the only filter FerretDB on SQLite answers from an index).
 */
@Schema({ collection: 'sorteo_bloques', versionKey: false })
export class BloqueSorteoDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) sorteoId!: string;
  @Prop({ type: String, required: true }) tipo!: string;
  @Prop({ type: Number, required: true }) indice!: number;
  @Prop({ type: [MongooseSchema.Types.Mixed], required: true }) items!: unknown[];
}

export const BloqueSorteoSchema = SchemaFactory.createForClass(BloqueSorteoDoc);
BloqueSorteoSchema.index({ sorteoId: 1 });
