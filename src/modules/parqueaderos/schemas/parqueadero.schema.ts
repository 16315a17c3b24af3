import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { TIPOS_PARQUEADERO, type TipoParqueadero } from '../parqueadero.entity';

@Schema({ collection: 'parqueaderos', versionKey: false, timestamps: true })
export class Parqueadero {
  /** Unique (the index below): of two concurrent inserts of one codigo only one succeeds. */
  @Prop({ type: String, required: true }) codigo!: string;
  @Prop({ type: String, enum: TIPOS_PARQUEADERO, required: true }) tipo!: TipoParqueadero;
  @Prop({ type: Boolean, default: false }) discapacidad!: boolean;
  @Prop({ type: String, default: null }) zona!: string | null;
  @Prop({ type: Boolean, default: true }) activo!: boolean;
  /** Changes applied so far; the next writer claims `version + 1` (arbitro-cambios.service.ts). */
  @Prop({ type: Number, default: 0 }) version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}

export const ParqueaderoSchema = SchemaFactory.createForClass(Parqueadero);
ParqueaderoSchema.index({ codigo: 1 }, { unique: true });
