import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * One login. Access tokens carry its id and are honoured only while it is not revoked; the refresh
 * token is stored as a hash and rotates on every use.
 */
@Schema({ collection: 'sesiones', versionKey: false, timestamps: { createdAt: 'creadaEn', updatedAt: false } })
export class Sesion {
  @Prop({ type: Types.ObjectId, required: true, index: true }) usuarioId!: Types.ObjectId;
  @Prop({ type: String, required: true }) refreshHash!: string;
  @Prop({ type: Date, required: true }) expiraEn!: Date;
  @Prop({ type: Date, default: null }) revocadaEn!: Date | null;
}

export const SesionSchema = SchemaFactory.createForClass(Sesion);
