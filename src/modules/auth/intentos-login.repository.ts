import { Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { databaseConfig } from 'src/core/config/database.config';
import { opcionesMasivas, type OpcionesMasivas } from 'src/core/database/limites-bd';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { borrarEnTandas } from 'src/shared/repository/borrar-en-tandas';
import { IntentoLogin } from './schemas/intento-login.schema';

@Injectable()
export class IntentosLoginRepository {
  /** Housekeeping deletes a backlog in big batches: the bulk jobs' time limit, not a request's. */
  private readonly masivo: OpcionesMasivas;

  constructor(
    @InjectModel(IntentoLogin.name) private readonly model: Model<IntentoLogin>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    this.masivo = opcionesMasivas(db);
  }

  /** Records one attempt per key and returns their ids, so a success can take them back. */
  async registrar(claves: string[], en: Date): Promise<string[]> {
    const docs = claves.map((clave) => ({ _id: new Types.ObjectId(), clave, en }));
    await this.model.insertMany(docs, { ordered: false });
    return docs.map((d) => d._id.toHexString());
  }

  async retirar(ids: string[]): Promise<void> {
    await this.model.deleteMany({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }).exec();
  }

  contarDesde(clave: string, desde: Date): Promise<number> {
    return this.model.countDocuments({ clave, en: { $gte: desde } }).exec();
  }

  async masAntiguoDesde(clave: string, desde: Date): Promise<Date | null> {
    const d = await this.model
      .findOne({ clave, en: { $gte: desde } }, { en: 1 })
      .sort({ en: 1 })
      .lean()
      .exec();
    return d?.en ?? null;
  }

  /** Old attempts no longer count; pruning keeps the scan that FerretDB does per count small. */
  async purgarAntesDe(clave: string, antes: Date): Promise<void> {
    await this.model.deleteMany({ clave, en: { $lt: antes } }).exec();
  }

  async purgarTodosAntesDe(antes: Date): Promise<void> {
    await borrarEnTandas(this.model.collection, { en: { $lt: antes } }, this.masivo);
  }
}
