import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Written when every document of a bulk rewrite (a draw, an annulment) is staged, and deleted when
 * the job is done (ReescrituraMasivaRepository). `_id` is the job: `sorteo:<id>` or `anulacion:<id>`.
 * The collection and field names predate the words trabajo/tanda and stay, so a job an older
 * version left half done is still found.
 */
@Schema({ collection: 'solicitudes_lotes', versionKey: false })
export class ManifiestoTrabajo {
  @Prop({ type: String, required: true }) _id!: string;
  /** The preparation whose staging collections count. */
  @Prop({ type: String, required: true }) nonce!: string;
  /** How many staging collections (tandas of consecutive ids) the job has. */
  @Prop({ type: Number, required: true }) lotes!: number;
  @Prop({ type: Date, required: true }) creadoEn!: Date;
}

export const ManifiestoTrabajoSchema = SchemaFactory.createForClass(ManifiestoTrabajo);
