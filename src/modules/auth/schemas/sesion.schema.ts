import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * One login. Access tokens carry its id and are honoured only while it is not revoked. Its only
 * writer after creation is revocation (idempotent), so a revocation can never be lost to a
 * concurrent write of another field.
 */
@Schema({
  collection: 'sesiones',
  versionKey: false,
  timestamps: { createdAt: 'creadaEn', updatedAt: false },
})
export class Sesion {
  @Prop({ type: Types.ObjectId, required: true, index: true }) usuarioId!: Types.ObjectId;
  /** Absolute end of the session; refresh tokens never outlive it. */
  @Prop({ type: Date, required: true }) expiraEn!: Date;
  @Prop({ type: Date, default: null }) revocadaEn!: Date | null;
  /** The account's credential version at login: a later password change or baja ends it. */
  @Prop({ type: Number, default: 0 }) credencialVersion!: number;
}

export const SesionSchema = SchemaFactory.createForClass(Sesion);
SesionSchema.index({ expiraEn: 1 });
