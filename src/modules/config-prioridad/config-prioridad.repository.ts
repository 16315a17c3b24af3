import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import { copiarConfig } from 'src/shared/dominio/config-prioridad';
import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import { ConfigPrioridadDoc } from './schemas/config-prioridad.schema';

const ID_CONFIG = 'config';

@Injectable()
export class ConfigPrioridadRepository {
  constructor(
    @InjectModel(ConfigPrioridadDoc.name) private readonly model: Model<ConfigPrioridadDoc>,
  ) {}

  async leer(): Promise<ConfigPrioridad | null> {
    const d = await this.model
      .findById(ID_CONFIG, { modo: 1, pesos: 1, niveles: 1, edadAdultoMayor: 1, requiereAlDia: 1 })
      .lean<ConfigPrioridadDoc>()
      .exec();
    return d ? copiarConfig(d) : null;
  }

  /**
   * Whole-document replacement: the last writer wins, which is what PUT means. Two first-time
   * upserts may race to insert the fixed `_id`; the loser just replaces the winner's document.
   */
  async guardar(config: ConfigPrioridad): Promise<void> {
    const doc = {
      modo: config.modo,
      pesos: { ...config.pesos },
      niveles: { ...config.niveles },
      edadAdultoMayor: config.edadAdultoMayor,
      requiereAlDia: config.requiereAlDia,
    };
    try {
      await this.model.replaceOne({ _id: ID_CONFIG }, doc, { upsert: true }).exec();
    } catch (err) {
      if (!esClaveDuplicada(err)) throw err;
      await this.model.replaceOne({ _id: ID_CONFIG }, doc).exec();
    }
  }
}
