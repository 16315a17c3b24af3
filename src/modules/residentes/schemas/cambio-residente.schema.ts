import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes } from 'mongoose';

/**
 * The claim that decides a resident's next change: `_id` is `<residenteId>:<version>`, so of any
 * number of concurrent writers from one version exactly one insert succeeds. It carries the
 * fields it sets, so anyone can roll forward a winner that died before writing the resident.
 */
@Schema({ collection: 'residentes_cambios', versionKey: false })
export class CambioResidente {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: SchemaTypes.Mixed, required: true }) cambios!: Record<string, unknown>;
  @Prop({ type: String, default: null }) usuarioId!: string | null;
  @Prop({ type: Date, required: true }) fecha!: Date;
}

export const CambioResidenteSchema = SchemaFactory.createForClass(CambioResidente);
