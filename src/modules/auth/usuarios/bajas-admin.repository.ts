import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { BajaAdmin } from './schemas/baja-admin.schema';

/** Announcements of admin removals in flight (see PersonalService.eliminar). */
@Injectable()
export class BajasAdminRepository {
  constructor(@InjectModel(BajaAdmin.name) private readonly model: Model<BajaAdmin>) {}

  /** A plain insert with a fresh `_id`: it always lands, and is visible to every later read. */
  async anunciar(usuarioId: string, ahora: Date): Promise<string> {
    const _id = new Types.ObjectId();
    await this.model.collection.insertOne({
      _id,
      usuarioId: new Types.ObjectId(usuarioId),
      creadoEn: ahora,
    });
    return _id.toHexString();
  }

  /** Only the attempt that announced it withdraws it: a delete by `_id` nobody else writes. */
  async retirar(id: string): Promise<void> {
    await this.model.deleteOne({ _id: new Types.ObjectId(id) }).exec();
  }

  /** The admins with a removal announced at or after `desde` (a small collection, read whole). */
  async anunciadasDesde(desde: Date): Promise<Set<string>> {
    const docs = await this.model
      .find({ creadoEn: { $gte: desde } }, { usuarioId: 1 })
      .lean<Array<{ usuarioId: Types.ObjectId }>>()
      .exec();
    return new Set(docs.map((d) => d.usuarioId.toHexString()));
  }
}
