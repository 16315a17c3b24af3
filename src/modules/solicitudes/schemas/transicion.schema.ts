import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ESTADOS_SOLICITUD, EstadoSolicitud } from '../solicitud.entity';

/**
 * The claim that decides a solicitud's next change: `_id` is `<solicitudId>:<version>`, so of any
 * number of concurrent changes from one version exactly one insert succeeds. It carries the
 * change itself, so anyone can roll forward a winner that died before writing the solicitud.
 * A draw's reservation has `estado: null` and the draw's id (and a convocatoria's, its id too).
 */
@Schema({ collection: 'solicitudes_transiciones', versionKey: false })
export class Transicion {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, enum: [...ESTADOS_SOLICITUD, null], default: null })
  estado!: EstadoSolicitud | null;
  @Prop({ type: String, default: null }) motivo!: string | null;
  @Prop({ type: String, default: null }) usuarioId!: string | null;
  @Prop({ type: String, default: null }) sorteoId!: string | null;
  /** A convocatoria's close reserved it: changes get CONVOCATORIA_CERRADA, not SORTEO_EN_CURSO. */
  @Prop({ type: String }) convocatoriaId?: string | null;
  @Prop({ type: Date, required: true }) fecha!: Date;
}

export const TransicionSchema = SchemaFactory.createForClass(Transicion);
TransicionSchema.index({ sorteoId: 1 });
