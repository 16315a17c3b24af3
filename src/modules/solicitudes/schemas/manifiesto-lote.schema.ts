import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Written when every document of a batch job (a draw, an annulment) is staged, and deleted when
 * the job is done (SolicitudesLoteRepository). `_id` is the job: `sorteo:<id>` or `anulacion:<id>`.
 */
@Schema({ collection: 'solicitudes_lotes', versionKey: false })
export class ManifiestoLote {
  @Prop({ type: String, required: true }) _id!: string;
  /** The preparation whose staging collections count. */
  @Prop({ type: String, required: true }) nonce!: string;
  /** How many staging collections (batches of consecutive ids) the job has. */
  @Prop({ type: Number, required: true }) lotes!: number;
  @Prop({ type: Date, required: true }) creadoEn!: Date;
}

export const ManifiestoLoteSchema = SchemaFactory.createForClass(ManifiestoLote);
