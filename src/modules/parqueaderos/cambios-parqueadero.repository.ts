import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import { CambiosParqueadero } from './parqueadero.entity';
import { CambioParqueadero } from './schemas/cambio-parqueadero.schema';

export interface CambioReclamado {
  parqueaderoId: string;
  version: number;
  cambios: CambiosParqueadero;
  fecha: Date;
}

const clave = (parqueaderoId: string, version: number): string => `${parqueaderoId}:${version}`;

/** The version claims of spots: one unique insert per change decides who writes it. */
@Injectable()
export class CambiosParqueaderoRepository {
  constructor(
    @InjectModel(CambioParqueadero.name) private readonly model: Model<CambioParqueadero>,
  ) {}

  /** True when this caller won the change from `version - 1` to `version`. */
  async reclamar(c: CambioReclamado): Promise<boolean> {
    try {
      await this.model.collection.insertOne({
        _id: clave(c.parqueaderoId, c.version) as never,
        cambios: c.cambios,
        fecha: c.fecha,
      });
      return true;
    } catch (err) {
      if (esClaveDuplicada(err)) return false;
      throw err;
    }
  }

  async buscar(parqueaderoId: string, version: number): Promise<CambioReclamado | null> {
    const d = await this.model
      .findById(clave(parqueaderoId, version))
      .lean<CambioParqueadero>()
      .exec();
    if (!d) return null;
    return { parqueaderoId, version, cambios: d.cambios, fecha: d.fecha };
  }
}
