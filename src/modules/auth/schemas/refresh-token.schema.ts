import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * One issued refresh token, stored only as its SHA-256 (the `_id`). Tokens are never updated:
 * rotation inserts the next one, and "this token was used" is a claim insert, so no write here
 * can race a revocation of the session (FerretDB v1 writes whole documents back).
 */
@Schema({ collection: 'refresh_tokens', versionKey: false })
export class RefreshToken {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Types.ObjectId, required: true }) sesionId!: Types.ObjectId;
  @Prop({ type: Date, required: true }) expiraEn!: Date;
}

export const RefreshTokenSchema = SchemaFactory.createForClass(RefreshToken);
RefreshTokenSchema.index({ expiraEn: 1 });
