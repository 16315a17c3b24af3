import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { TIPOS_MOVIMIENTO, type TipoMovimiento } from 'src/modules/sorteo/core/movimientos';

@Schema({ _id: false, versionKey: false })
export class UnidadMovimientoDoc {
  @Prop({ type: String, required: true }) torre!: string;
  @Prop({ type: String, required: true }) apartamento!: string;
}

/**
 * One movimiento of a result, keyed `<sorteoId>:<n>`: the unique `_id` is what decides a number,
 * so two writers can never both store a movimiento 5 for one result, and re-applying a group after
 * a crash inserts nothing new.
 */
@Schema({ collection: 'sorteo_movimientos', versionKey: false })
export class MovimientoDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) sorteoId!: string;
  @Prop({ type: Number, required: true }) n!: number;
  @Prop({ type: String, enum: TIPOS_MOVIMIENTO, required: true }) tipo!: TipoMovimiento;
  @Prop({ type: String, default: null }) solicitudId!: string | null;
  @Prop({ type: UnidadMovimientoDoc, default: null }) unidad!: UnidadMovimientoDoc | null;
  @Prop({ type: String, required: true }) parqueadero!: string;
  @Prop({ type: String, default: null }) motivo!: string | null;
  @Prop({ type: Date, required: true }) fecha!: Date;
  /** Who asked for the renuncia (the resident's or the admin's user id). */
  @Prop({ type: String, required: true }) por!: string;
  /** The turn of the draw sequence that decided it. */
  @Prop({ type: Number, required: true }) turno!: number;
}

export const MovimientoSchema = SchemaFactory.createForClass(MovimientoDoc);
MovimientoSchema.index({ sorteoId: 1, n: 1 });
