import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import type { ParqueaderoEntrada } from 'src/modules/sorteo/core/tipos';
import {
  ESTADOS_CONVOCATORIA,
  type Cancelada,
  type ConteoBloquesConvocatoria,
  type EstadoConvocatoria,
  type FuentePublica,
  type ResumenConvocatoria,
  type Vigencia,
} from '../convocatoria.entity';

/**
 * A convocatoria's header. Small: the frozen lines live in `convocatoria_bloques`, the server's
 * secret in `convocatoria_secretos`. Every change to it happens under a draw-lock turn (close,
 * cancellation, the draw), so FerretDB's whole-document rewrites never race each other here.
 */
@Schema({ collection: 'convocatorias', versionKey: false })
export class ConvocatoriaDoc {
  @Prop({ type: String, required: true }) idSorteo!: string;
  @Prop({ type: String, required: true }) nombre!: string;
  @Prop({ type: String, enum: ESTADOS_CONVOCATORIA, required: true }) estado!: EstadoConvocatoria;
  @Prop({ type: Date, required: true }) fechaSorteo!: Date;
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) vigencia!: Vigencia | null;
  @Prop({ type: [MongooseSchema.Types.Mixed], required: true }) fuentesPublicas!: FuentePublica[];
  @Prop({ type: [MongooseSchema.Types.Mixed], required: true })
  parqueaderos!: ParqueaderoEntrada[];
  @Prop({ type: Date, default: null }) cerradaEn!: Date | null;
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) config!: ConfigPrioridad | null;
  @Prop({ type: String, default: null }) insumosHash!: string | null;
  @Prop({ type: String, default: null }) compromisoServidor!: string | null;
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) resumen!: ResumenConvocatoria | null;
  @Prop({ type: Number, default: null }) tamanoBloque!: number | null;
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  bloques!: ConteoBloquesConvocatoria | null;
  @Prop({ type: [String], default: null }) primeros!: string[] | null;
  @Prop({ type: String, default: null }) sorteoId!: string | null;
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) cancelada!: Cancelada | null;
  @Prop({ type: String, required: true }) creadaPor!: string;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const ConvocatoriaSchema = SchemaFactory.createForClass(ConvocatoriaDoc);
ConvocatoriaSchema.index({ idSorteo: 1 }, { unique: true });
ConvocatoriaSchema.index({ createdAt: -1 });

/** The server's secret, read only by the draw (which then publishes it). Keyed by convocatoria. */
@Schema({ collection: 'convocatoria_secretos', versionKey: false })
export class SecretoConvocatoriaDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) secreto!: string;
}

export const SecretoConvocatoriaSchema = SchemaFactory.createForClass(SecretoConvocatoriaDoc);

/**
 * A close in progress: what the header will publish once the close's turn confirms. A recovery of
 * a confirmed close copies it to the header; of an aborted one, deletes it.
 */
@Schema({ collection: 'convocatoria_cierres', versionKey: false })
export class CierrePendienteDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) publicado!: unknown;
}

export const CierrePendienteSchema = SchemaFactory.createForClass(CierrePendienteDoc);

/**
 * A slice of a convocatoria's frozen lists, keyed `<convocatoriaId>:<letter>:<i>` (read by `_id`).
 * `items` is the slice as one JSON text (closes stored before that kept an array: still read).
 */
@Schema({ collection: 'convocatoria_bloques', versionKey: false })
export class BloqueConvocatoriaDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) convocatoriaId!: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) items!: string | unknown[];
}

export const BloqueConvocatoriaSchema = SchemaFactory.createForClass(BloqueConvocatoriaDoc);
BloqueConvocatoriaSchema.index({ convocatoriaId: 1 });
