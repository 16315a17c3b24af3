import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ _id: false, versionKey: false })
export class PesosPrioridadDoc {
  @Prop({ type: Number, required: true }) discapacidad!: number;
  @Prop({ type: Number, required: true }) adultoMayor!: number;
  @Prop({ type: Number, required: true }) sinAsignacionPrevia!: number;
  @Prop({ type: Number, required: true }) antiguedadPorAnio!: number;
  @Prop({ type: Number, required: true }) antiguedadMaxAnios!: number;
}

@Schema({ _id: false, versionKey: false })
export class NivelesPrioridadDoc {
  @Prop({ type: Number, required: true }) discapacidad!: number;
  @Prop({ type: Number, required: true }) adultoMayor!: number;
  @Prop({ type: Number, required: true }) sinAsignacionPrevia!: number;
}

/** The one priority config of the complex: a single document whose `_id` is always 'config'. */
@Schema({
  collection: 'sorteo_config',
  versionKey: false,
  timestamps: { createdAt: false, updatedAt: 'actualizadoEn' },
})
export class ConfigPrioridadDoc {
  @Prop({ type: String, required: true }) _id!: string;
  /** Absent in configs saved before strict tiers existed: read as the defaults (copiarConfig). */
  @Prop({ type: String, enum: ['ponderado', 'niveles'] }) modo?: 'ponderado' | 'niveles';
  @Prop({ type: PesosPrioridadDoc, required: true }) pesos!: PesosPrioridadDoc;
  @Prop({ type: NivelesPrioridadDoc }) niveles?: NivelesPrioridadDoc;
  @Prop({ type: Number, required: true }) edadAdultoMayor!: number;
  @Prop({ type: Boolean, required: true }) requiereAlDia!: boolean;
  actualizadoEn!: Date;
}

export const ConfigPrioridadSchema = SchemaFactory.createForClass(ConfigPrioridadDoc);
