import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ESTADOS_SOLICITUD, EstadoSolicitud } from '../solicitud.entity';

@Schema({ _id: false, versionKey: false })
export class EntradaHistorialDoc {
  @Prop({ type: String, enum: ESTADOS_SOLICITUD, required: true }) estado!: EstadoSolicitud;
  @Prop({ type: Date, required: true }) fecha!: Date;
  @Prop({ type: Types.ObjectId, default: null }) usuarioId!: Types.ObjectId | null;
  @Prop({ type: String, default: null }) motivo!: string | null;
}

@Schema({ collection: 'solicitudes', versionKey: false, timestamps: true })
export class Solicitud {
  @Prop({ type: Types.ObjectId, required: true }) residenteId!: Types.ObjectId;
  @Prop({ type: { torre: String, apartamento: String, _id: false }, required: true })
  unidad!: { torre: string; apartamento: string };
  @Prop({ type: { placa: String, tipo: String, _id: false }, required: true })
  vehiculo!: { placa: string; tipo: 'carro' | 'moto' };
  @Prop({ type: String, default: null }) observaciones!: string | null;
  @Prop({ type: String, enum: ESTADOS_SOLICITUD, required: true }) estado!: EstadoSolicitud;
  @Prop({ type: String, default: null }) motivo!: string | null;
  @Prop({ type: Types.ObjectId, default: null }) sorteoId!: Types.ObjectId | null;
  @Prop({ type: String, default: null }) parqueadero!: string | null;
  @Prop({ type: Number, default: null }) posicionEspera!: number | null;
  @Prop({ type: Number, required: true }) version!: number;
  @Prop({ type: [EntradaHistorialDoc], default: [] }) historial!: EntradaHistorialDoc[];
  createdAt!: Date;
  updatedAt!: Date;
}

export const SolicitudSchema = SchemaFactory.createForClass(Solicitud);
// Every list filter, and the owner's list sorted newest first.
SolicitudSchema.index({ estado: 1, _id: -1 });
SolicitudSchema.index({ residenteId: 1, _id: -1 });
SolicitudSchema.index({ 'vehiculo.tipo': 1 });
SolicitudSchema.index({ 'unidad.torre': 1 });
SolicitudSchema.index({ sorteoId: 1 });
