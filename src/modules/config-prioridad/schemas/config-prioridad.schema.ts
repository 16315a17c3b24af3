import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ _id: false, versionKey: false })
export class PesosPrioridadDoc {
  @Prop({ type: Number, required: true }) discapacidad!: number;
  @Prop({ type: Number, required: true }) adultoMayor!: number;
  @Prop({ type: Number, required: true }) sinAsignacionPrevia!: number;
  @Prop({ type: Number, required: true }) antiguedadPorAnio!: number;
  @Prop({ type: Number, required: true }) antiguedadMaxAnios!: number;
}

/** The one priority config of the complex: a single document whose `_id` is always 'config'. */
@Schema({
  collection: 'sorteo_config',
  versionKey: false,
  timestamps: { createdAt: false, updatedAt: 'actualizadoEn' },
})
export class ConfigPrioridadDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: PesosPrioridadDoc, required: true }) pesos!: PesosPrioridadDoc;
  @Prop({ type: Number, required: true }) edadAdultoMayor!: number;
  @Prop({ type: Boolean, required: true }) requiereAlDia!: boolean;
  actualizadoEn!: Date;
}

export const ConfigPrioridadSchema = SchemaFactory.createForClass(ConfigPrioridadDoc);
