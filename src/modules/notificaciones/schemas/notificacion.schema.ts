import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const ESTADOS_NOTIFICACION = ['pendiente', 'enviada', 'fallida'] as const;
export type EstadoNotificacion = (typeof ESTADOS_NOTIFICACION)[number];

/**
 * One message of the outbox. `_id` is its key (`solicitud:<id>:aprobada`): enqueuing is an insert,
 * so the unique `_id` decides whether it already exists, on MongoDB and on FerretDB alike.
 */
@Schema({ collection: 'notificaciones', versionKey: false })
export class NotificacionDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) tipo!: string;
  @Prop({ type: String, required: true }) destinatario!: string;
  @Prop({ type: String, required: true }) asunto!: string;
  @Prop({ type: String, required: true }) texto!: string;
  @Prop({ type: String, required: true }) html!: string;
  /** The body carries a secret (an activation link): never listed, never logged. */
  @Prop({ type: Boolean, default: false }) confidencial!: boolean;
  @Prop({ type: String, enum: ESTADOS_NOTIFICACION, required: true }) estado!: EstadoNotificacion;
  /** Attempts recorded so far; the next sender claims `<_id>:<intentos + 1>`. */
  @Prop({ type: Number, required: true }) intentos!: number;
  @Prop({ type: Date, required: true }) proximoIntento!: Date;
  /** After this instant a failed attempt makes the message `fallida`. */
  @Prop({ type: Date, required: true }) venceEn!: Date;
  @Prop({ type: Date, required: true }) creadaEn!: Date;
  @Prop({ type: Date, default: null }) enviadaEn!: Date | null;
  @Prop({ type: String, default: null }) ultimoError!: string | null;
}

export const NotificacionSchema = SchemaFactory.createForClass(NotificacionDoc);
NotificacionSchema.index({ estado: 1, proximoIntento: 1 });
NotificacionSchema.index({ destinatario: 1 });

/**
 * A sender's claim on one attempt of one message: `_id` = `<mensaje>:<intento>`. Whoever inserts
 * it sends that attempt; FerretDB does not arbitrate conditional updates, inserts it does.
 */
@Schema({ collection: 'notificaciones_reclamos', versionKey: false })
export class ReclamoEnvioDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) instancia!: string;
  @Prop({ type: Date, required: true }) fecha!: Date;
}

export const ReclamoEnvioSchema = SchemaFactory.createForClass(ReclamoEnvioDoc);

/** Marks a draw whose result messages are all enqueued, so the start-up sweep skips it. */
@Schema({ collection: 'notificaciones_sorteos', versionKey: false })
export class SorteoNotificadoDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Number, required: true }) mensajes!: number;
  @Prop({ type: Date, required: true }) fecha!: Date;
}

export const SorteoNotificadoSchema = SchemaFactory.createForClass(SorteoNotificadoDoc);

/**
 * The senders' work queue: a copy of what sending needs, one per message still `pendiente`,
 * deleted once it is `enviada` or `fallida`. The record above stays for the listing and grows
 * with every message ever sent; FerretDB reads a filtered collection whole, so the senders poll
 * this small one instead (docs/notificaciones.md).
 */
@Schema({ collection: 'notificaciones_cola', versionKey: false })
export class ColaEnvioDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) destinatario!: string;
  @Prop({ type: String, required: true }) asunto!: string;
  @Prop({ type: String, required: true }) texto!: string;
  @Prop({ type: String, required: true }) html!: string;
  @Prop({ type: Number, required: true }) intentos!: number;
  @Prop({ type: Date, required: true }) proximoIntento!: Date;
  @Prop({ type: Date, required: true }) venceEn!: Date;
}

export const ColaEnvioSchema = SchemaFactory.createForClass(ColaEnvioDoc);
