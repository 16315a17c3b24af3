import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * The announcement of one attempt to remove an admin, inserted before the attempt counts the
 * admins that would remain (docs/seguridad.md, "The last admin"). Each attempt has its own
 * document, so withdrawing a refused one never withdraws another attempt's.
 */
@Schema({ collection: 'bajas_admin', versionKey: false })
export class BajaAdmin {
  @Prop({ type: Types.ObjectId, required: true }) usuarioId!: Types.ObjectId;
  @Prop({ type: Date, required: true, index: true }) creadoEn!: Date;
}

export const BajaAdminSchema = SchemaFactory.createForClass(BajaAdmin);
