import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A claim: "this key belongs to `dueno`". Its `_id` is the key, so of two concurrent inserts of
 * one key exactly one succeeds on MongoDB and on FerretDB alike (a filtered update would not
 * arbitrate on FerretDB v1, which reads, modifies and writes back by `_id`).
 */
@Schema({
  collection: 'reclamos',
  versionKey: false,
  timestamps: { createdAt: 'creadoEn', updatedAt: false },
})
export class Reclamo {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) dueno!: string;
  creadoEn!: Date;
}

export const ReclamoSchema = SchemaFactory.createForClass(Reclamo);
