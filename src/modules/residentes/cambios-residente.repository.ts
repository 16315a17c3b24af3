import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import { CambiosResidente } from './residente.entity';
import { CambioResidente } from './schemas/cambio-residente.schema';

export interface CambioReclamado {
  residenteId: string;
  version: number;
  cambios: CambiosResidente;
  usuarioId: string | null;
  fecha: Date;
}

const clave = (residenteId: string, version: number): string => `${residenteId}:${version}`;

/** The version claims of residents: one unique insert per change decides who writes it. */
@Injectable()
export class CambiosResidenteRepository {
  constructor(@InjectModel(CambioResidente.name) private readonly model: Model<CambioResidente>) {}

  /** True when this caller won the change from `version - 1` to `version`. */
  async reclamar(c: CambioReclamado): Promise<boolean> {
    try {
      await this.model.collection.insertOne({
        _id: clave(c.residenteId, c.version) as never,
        cambios: c.cambios,
        usuarioId: c.usuarioId,
        fecha: c.fecha,
      });
      return true;
    } catch (err) {
      if (esClaveDuplicada(err)) return false;
      throw err;
    }
  }

  async buscar(residenteId: string, version: number): Promise<CambioReclamado | null> {
    const d = await this.model.findById(clave(residenteId, version)).lean<CambioResidente>().exec();
    if (!d) return null;
    return {
      residenteId,
      version,
      cambios: d.cambios,
      usuarioId: d.usuarioId ?? null,
      fecha: d.fecha,
    };
  }
}
