import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const TIPOS_DOCUMENTO = ['CC', 'CE', 'TI', 'PA', 'PPT'] as const;
export type TipoDocumento = (typeof TIPOS_DOCUMENTO)[number];
export const TIPOS_RESIDENTE = ['propietario', 'arrendatario'] as const;
export type TipoResidente = (typeof TIPOS_RESIDENTE)[number];
export const ESTADOS_CUENTA_RESIDENTE = [
  'sin_cuenta',
  'pendiente_activacion',
  'activa',
  'deshabilitada',
] as const;
export type CuentaResidente = (typeof ESTADOS_CUENTA_RESIDENTE)[number];
/** Self-registration's states (docs/registro.md); null for a resident the administration created. */
export const ESTADOS_REGISTRO = ['por_verificar', 'pendiente', 'aprobado', 'rechazado'] as const;
export type EstadoRegistro = (typeof ESTADOS_REGISTRO)[number];

@Schema({ _id: false, versionKey: false })
export class Documento {
  @Prop({ type: String, enum: TIPOS_DOCUMENTO, required: true }) tipo!: TipoDocumento;
  @Prop({ type: String, required: true }) numero!: string;
}

@Schema({ collection: 'residentes', versionKey: false, timestamps: true })
export class Residente {
  @Prop({ type: String, required: true }) nombre!: string;
  @Prop({ type: Documento, required: true }) documento!: Documento;
  @Prop({ type: String, default: null }) email!: string | null;
  @Prop({ type: String, default: null }) telefono!: string | null;
  @Prop({ type: String, required: true }) torre!: string;
  @Prop({ type: String, required: true }) apartamento!: string;
  @Prop({ type: String, enum: TIPOS_RESIDENTE, required: true }) tipo!: TipoResidente;
  /** Calendar dates kept as 'YYYY-MM-DD' text: no time zone can shift them. */
  @Prop({ type: String, default: null }) fechaIngreso!: string | null;
  @Prop({ type: String, default: null }) fechaNacimiento!: string | null;
  @Prop({ type: Boolean, default: false }) discapacidad!: boolean;
  @Prop({ type: Boolean, default: true }) alDia!: boolean;
  @Prop({ type: Boolean, default: true }) activo!: boolean;
  @Prop({ type: String, enum: ESTADOS_CUENTA_RESIDENTE, required: true }) cuenta!: CuentaResidente;
  @Prop({ type: String, enum: [...ESTADOS_REGISTRO, null], default: null })
  registro!: EstadoRegistro | null;
  /** Changes applied so far; the next writer claims `version + 1` (see arbitro-cambios.ts). */
  @Prop({ type: Number, default: 0 }) version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}

export const ResidenteSchema = SchemaFactory.createForClass(Residente);
ResidenteSchema.index({ torre: 1, apartamento: 1 });
ResidenteSchema.index({ activo: 1 });
ResidenteSchema.index({ alDia: 1 });
ResidenteSchema.index({ 'documento.tipo': 1, 'documento.numero': 1 });
ResidenteSchema.index({ email: 1 });
ResidenteSchema.index({ registro: 1 });
