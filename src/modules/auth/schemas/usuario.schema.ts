import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ROLES, Rol } from 'src/core/auth/roles';

/**
 * `por_aprobar`: a self-registered account (password chosen at registration) that cannot log in
 * until the administration approves it (docs/registro.md).
 */
export const ESTADOS_CUENTA = [
  'pendiente_activacion',
  'por_aprobar',
  'activa',
  'deshabilitada',
] as const;
export type EstadoCuenta = (typeof ESTADOS_CUENTA)[number];

@Schema({ collection: 'usuarios', versionKey: false, timestamps: true })
export class Usuario {
  @Prop({ type: String, required: true, unique: true }) email!: string;
  /** Null until the account is activated: a pending account cannot log in. */
  @Prop({ type: String, default: null }) passwordHash!: string | null;
  @Prop({ type: String, enum: ROLES, required: true, index: true }) rol!: Rol;
  /** Staff accounts only (a resident's name is in their residente record). */
  @Prop({ type: String, default: null }) nombre!: string | null;
  @Prop({ type: Types.ObjectId, default: null, index: true }) residenteId!: Types.ObjectId | null;
  @Prop({ type: String, enum: ESTADOS_CUENTA, required: true }) estado!: EstadoCuenta;
  /** SHA-256 of the only activation token that still works; the token itself is never stored. */
  @Prop({ type: String, default: null, index: true }) activacionHash!: string | null;
  @Prop({ type: Date, default: null }) activacionExpira!: Date | null;
  /** A self-registration's e-mail verification token, also kept only as a SHA-256. */
  @Prop({ type: String, default: null, index: true }) verificacionHash!: string | null;
  @Prop({ type: Date, default: null }) verificacionExpira!: Date | null;
  /** Cache of the newest version in `credenciales` (see CredencialesService); may lag, never lead. */
  @Prop({ type: Number, default: 0 }) credencialVersion!: number;
  createdAt!: Date;
}

export const UsuarioSchema = SchemaFactory.createForClass(Usuario);
