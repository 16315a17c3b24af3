import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes } from 'mongoose';

/**
 * The claim that decides a spot's next change: `_id` is `<parqueaderoId>:<version>`, so of any
 * number of concurrent writers from one version exactly one insert succeeds. It carries the fields
 * it sets, so anyone can roll forward a winner that died before writing the spot.
 */
@Schema({ collection: 'parqueaderos_cambios', versionKey: false })
export class CambioParqueadero {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: SchemaTypes.Mixed, required: true }) cambios!: Record<string, unknown>;
  @Prop({ type: Date, required: true }) fecha!: Date;
}

export const CambioParqueaderoSchema = SchemaFactory.createForClass(CambioParqueadero);
