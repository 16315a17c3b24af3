import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One failed (or in-flight) login, per throttle key (`email:…` or `ip:…`). Counting inserted
 * documents, rather than incrementing a counter, stays exact under concurrency on FerretDB too.
 */
@Schema({ collection: 'intentos_login', versionKey: false })
export class IntentoLogin {
  @Prop({ type: String, required: true }) clave!: string;
  @Prop({ type: Date, required: true }) en!: Date;
}

export const IntentoLoginSchema = SchemaFactory.createForClass(IntentoLogin);
IntentoLoginSchema.index({ clave: 1, en: 1 });
