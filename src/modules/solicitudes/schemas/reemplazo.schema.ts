import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A solicitud's next full document, staged by a draw or an annulment before any live document is
 * touched (`_id` = `<loteId>:<solicitudId>`). Applying a batch deletes the live documents and
 * inserts these; a crash in between is healed by applying again, since every staged document is
 * still here until the whole batch job is done.
 */
@Schema({ collection: 'solicitudes_reemplazos', versionKey: false })
export class Reemplazo {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) lote!: string;
  @Prop({ type: Object, required: true }) doc!: Record<string, unknown>;
}

export const ReemplazoSchema = SchemaFactory.createForClass(Reemplazo);
ReemplazoSchema.index({ lote: 1 });
