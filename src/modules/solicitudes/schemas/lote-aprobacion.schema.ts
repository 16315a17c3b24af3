import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One bulk approval, written before its transition claims and deleted once its solicitudes are
 * written (AprobacionesMasivasRepository): if the process dies in between, the recovery finds it
 * and writes the changes whose claims it won. `siguientes` holds the next version of every
 * candidate, whole: at most 1,000 solicitudes, so one document stages them all.
 */
@Schema({ collection: 'solicitudes_aprobaciones', versionKey: false })
export class LoteAprobacion {
  @Prop({ type: String, required: true }) _id!: string;
  /** Who approved, and when: the claims this lote won carry exactly these. */
  @Prop({ type: String, required: true }) usuarioId!: string;
  @Prop({ type: Date, required: true }) fecha!: Date;
  @Prop({ type: [Object], required: true }) siguientes!: Array<Record<string, unknown>>;
  @Prop({ type: Date, required: true }) creadoEn!: Date;
}

export const LoteAprobacionSchema = SchemaFactory.createForClass(LoteAprobacion);
