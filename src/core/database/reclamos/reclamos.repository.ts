import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import { Reclamo } from './reclamo.schema';

@Injectable()
export class ReclamosRepository {
  constructor(@InjectModel(Reclamo.name) private readonly model: Model<Reclamo>) {}

  /** True when this caller now owns `clave`; false when someone else already did. */
  async reclamar(clave: string, dueno: string): Promise<boolean> {
    try {
      await this.model.create({ _id: clave, dueno });
      return true;
    } catch (err) {
      if (esClaveDuplicada(err)) return false;
      throw err;
    }
  }

  /** Claims every key or none: on the first refusal, releases what it took and returns that key. */
  async reclamarTodas(claves: string[], dueno: string): Promise<string | null> {
    const tomadas: string[] = [];
    for (const clave of claves) {
      if (await this.reclamar(clave, dueno)) {
        tomadas.push(clave);
        continue;
      }
      await this.liberar(tomadas, dueno);
      return clave;
    }
    return null;
  }

  async dueno(clave: string): Promise<string | null> {
    const r = await this.model.findById(clave, { dueno: 1 }).lean().exec();
    return r?.dueno ?? null;
  }

  /** Releases only claims still held by `dueno`, so a stale release cannot free another's claim. */
  async liberar(claves: string[], dueno: string): Promise<void> {
    if (claves.length === 0) return;
    await this.model.deleteMany({ _id: { $in: claves }, dueno }).exec();
  }
}
