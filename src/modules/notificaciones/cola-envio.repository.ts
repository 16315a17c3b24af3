import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ignorarDuplicados } from 'src/shared/utils/mongo-errors';
import { ColaEnvioDoc, NotificacionDoc } from './schemas/notificacion.schema';

/** What a sender needs of a due message. */
export interface NotificacionDebida {
  id: string;
  destinatario: string;
  asunto: string;
  texto: string;
  html: string;
  intentos: number;
  venceEn: Date;
}

const aCola = (d: NotificacionDoc): ColaEnvioDoc => ({
  _id: d._id,
  destinatario: d.destinatario,
  asunto: d.asunto,
  texto: d.texto,
  html: d.html,
  intentos: d.intentos,
  proximoIntento: d.proximoIntento,
  venceEn: d.venceEn,
});

/**
 * The work queue of the senders: as long as the messages waiting to go out, not as long as the
 * outbox's history, so each tick's read costs the same on the tenth draw as on the first. Every
 * write here follows a decision already taken elsewhere (the record's insert, an attempt's claim),
 * and repeating any of them is harmless.
 */
@Injectable()
export class ColaEnvioRepository {
  constructor(@InjectModel(ColaEnvioDoc.name) private readonly model: Model<ColaEnvioDoc>) {}

  /** Queues these records (already in the outbox); those already queued stay as they are. */
  async poner(docs: NotificacionDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.model.collection
      .insertMany(docs.map(aCola) as never[], { ordered: false })
      .catch(ignorarDuplicados);
  }

  /** Due messages, oldest due first. */
  async debidas(ahora: Date, limite: number): Promise<NotificacionDebida[]> {
    const docs = await this.model
      .find({ proximoIntento: { $lte: ahora } })
      .sort({ proximoIntento: 1, _id: 1 })
      .limit(limite)
      .lean<ColaEnvioDoc[]>()
      .exec();
    return docs.map((d) => ({
      id: d._id,
      destinatario: d.destinatario,
      asunto: d.asunto,
      texto: d.texto,
      html: d.html,
      intentos: d.intentos,
      venceEn: d.venceEn,
    }));
  }

  /** A failed attempt that will be tried again: written by that attempt's owner only. */
  async aplazar(id: string, intentos: number, proximoIntento: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { intentos, proximoIntento } }).exec();
  }

  /** Sent or given up: nothing more to do for these. */
  async quitar(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.model.deleteMany({ _id: { $in: ids } }).exec();
  }
}
