import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

export const TIPOS_TURNO = [
  'sorteo',
  'anulacion',
  'recuperacion',
  'cierre',
  'cancelacion',
  'renuncia',
] as const;
export type TipoTurno = (typeof TIPOS_TURNO)[number];

/**
 * One number of the draw sequence. Every draw, annulment and recovery inserts the next number;
 * the unique `_id` lets exactly one of two concurrent callers win it, on MongoDB and FerretDB alike.
 * The holder's heartbeat lives in its own document, written by the holder alone: on FerretDB an
 * update rewrites the whole document, so a heartbeat racing `terminado` on one document could
 * write back `terminado: false`. A turn never `terminado` whose holder went silent is finished or
 * undone by the holder of a later turn before it does anything else.
 */
@Schema({ collection: 'sorteo_turnos', versionKey: false })
export class TurnoDoc {
  @Prop({ type: Number, required: true }) _id!: number;
  @Prop({ type: String, enum: TIPOS_TURNO, required: true }) tipo!: TipoTurno;
  /**
   * The draw it creates (sorteo) or annuls (anulacion); for a convocatoria's close or cancellation
   * (cierre, cancelacion), the draw id the convocatoria reserved; null for a recovery.
   */
  @Prop({ type: String, default: null }) sorteoId!: string | null;
  @Prop({ type: String, required: true }) instancia!: string;
  @Prop({ type: String, required: true }) host!: string;
  @Prop({ type: Number, required: true }) pid!: number;
  @Prop({ type: Date, required: true }) inicio!: Date;
  /** The heartbeat at claim time; later ones go to `sorteo_latidos` (see LatidoDoc). */
  @Prop({ type: Date, required: true }) latido!: Date;
  /** The only change a turn document ever gets, so concurrent writers cannot undo each other. */
  @Prop({ type: Boolean, default: false }) terminado!: boolean;
  @Prop({ type: Date, default: null }) terminadoEn!: Date | null;
}

export const TurnoSchema = SchemaFactory.createForClass(TurnoDoc);
TurnoSchema.index({ terminado: 1 });

/** A turn's heartbeat, keyed by the turn number; only its holder writes it. */
@Schema({ collection: 'sorteo_latidos', versionKey: false })
export class LatidoDoc {
  @Prop({ type: Number, required: true }) _id!: number;
  @Prop({ type: Date, required: true }) latido!: Date;
}

export const LatidoSchema = SchemaFactory.createForClass(LatidoDoc);

export const VALORES_DECISION = ['confirmar', 'abortar'] as const;
export type ValorDecision = (typeof VALORES_DECISION)[number];

@Schema({ _id: false, versionKey: false })
export class AnulacionDecididaDoc {
  @Prop({ type: String, required: true }) sorteoId!: string;
  @Prop({ type: String, required: true }) motivo!: string;
  @Prop({ type: String, required: true }) por!: string;
  @Prop({ type: Date, required: true }) fecha!: Date;
}

/** A convocatoria's cancellation, decided: what its recovery needs to finish it. */
@Schema({ _id: false, versionKey: false })
export class CancelacionDecididaDoc {
  @Prop({ type: String, required: true }) convocatoriaId!: string;
  @Prop({ type: String, required: true }) motivo!: string;
  @Prop({ type: String, required: true }) por!: string;
  @Prop({ type: Date, required: true }) fecha!: Date;
}

/**
 * The commit point of a turn, keyed by its number. The holder inserts `confirmar` when its work
 * is ready to apply; a recovery inserts `abortar`. Whichever insert lands first is the outcome,
 * so a holder presumed dead that was only slow can never apply what a recovery has undone.
 */
@Schema({ collection: 'sorteo_decisiones', versionKey: false })
export class DecisionDoc {
  @Prop({ type: Number, required: true }) _id!: number;
  @Prop({ type: String, enum: VALORES_DECISION, required: true }) valor!: ValorDecision;
  @Prop({ type: AnulacionDecididaDoc, default: null }) anulacion!: AnulacionDecididaDoc | null;
  @Prop({ type: CancelacionDecididaDoc, default: null })
  cancelacion!: CancelacionDecididaDoc | null;
  /** A renuncia's whole group of movimientos and solicitud changes (sorteo/renuncias). */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) renuncia?: Record<
    string,
    unknown
  > | null;
  /** The audit entry of the turn's change (core/turnos/turno.entity.ts, DatosDecision). */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) auditoria?: Record<
    string,
    unknown
  > | null;
  @Prop({ type: Date, required: true }) fecha!: Date;
}

export const DecisionSchema = SchemaFactory.createForClass(DecisionDoc);
