import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * One entry of the log, one document: its fields are the entry's, `_id` is `n` as text. Inserting `n` is
 * how an instance wins that place in the chain (the unique `_id`), on MongoDB and FerretDB alike.
 * `fecha` is stored as the ISO string that was hashed, so the stored document re-hashes as is.
 */
@Schema({ collection: 'auditoria', versionKey: false, minimize: false })
export class EntradaAuditoriaDoc {
  /** `n` as text (`auditoria.repository.ts`, `idDeEntrada`: why not a number). */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Number, required: true }) n!: number;
  @Prop({ type: String, required: true }) fecha!: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) actor!: { id: string; rol: string };
  @Prop({ type: String, required: true }) accion!: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) recurso!: {
    tipo: string;
    id: string | null;
  };
  @Prop({ type: MongooseSchema.Types.Mixed }) cambios!: unknown;
  @Prop({ type: String, required: true }) hashPrevio!: string;
  @Prop({ type: String, required: true }) hash!: string;
}

export const EntradaAuditoriaSchema = SchemaFactory.createForClass(EntradaAuditoriaDoc);
