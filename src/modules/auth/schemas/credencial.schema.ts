import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ESTADOS_CUENTA, EstadoCuenta } from './usuario.schema';

/**
 * One version of an account's credentials (password hash and state), `_id` `<usuarioId>:<version>`.
 * Inserting version v+1 is how a password change, an activation, a baja or a re-opening wins over
 * any concurrent one: of two inserts of one `_id` exactly one succeeds, on MongoDB and FerretDB
 * alike. Never updated except to forget the hash once a newer version exists, so no concurrent
 * write of the account document (FerretDB writes whole documents back) can undo a change: the
 * account's own fields are only a cache of the newest version.
 */
@Schema({
  collection: 'credenciales',
  versionKey: false,
  timestamps: { createdAt: 'creadaEn', updatedAt: false },
})
export class Credencial {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Types.ObjectId, required: true }) usuarioId!: Types.ObjectId;
  @Prop({ type: Number, required: true }) version!: number;
  @Prop({ type: String, default: null }) passwordHash!: string | null;
  @Prop({ type: String, enum: ESTADOS_CUENTA, required: true }) estado!: EstadoCuenta;
  /** The session that made a password change: the change does not end it. */
  @Prop({ type: String, default: null }) sesionConservada!: string | null;
}

export const CredencialSchema = SchemaFactory.createForClass(Credencial);
