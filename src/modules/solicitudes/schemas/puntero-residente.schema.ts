import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One of a resident's solicitudes, found by primary key: `_id` is `<residenteId>:<n>` with `n`
 * 1, 2, 3… decided by the insert (a taken number is E11000 and the next is tried), so "my
 * solicitudes" is a walk of `_id` reads that stops at the first missing number, whatever the size
 * of the solicitudes collection (docs/lecturas-residentes.md). Insert-only.
 */
@Schema({ collection: 'solicitudes_de_residente', versionKey: false })
export class PunteroResidente {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) residenteId!: string;
  @Prop({ type: Number, required: true }) n!: number;
  @Prop({ type: String, required: true }) solicitudId!: string;
}

export const PunteroResidenteSchema = SchemaFactory.createForClass(PunteroResidente);
