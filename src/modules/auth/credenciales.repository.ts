import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import { EstadoCuenta } from './schemas/usuario.schema';
import { Credencial } from './schemas/credencial.schema';

export interface VersionCredencial {
  version: number;
  passwordHash: string | null;
  estado: EstadoCuenta;
  sesionConservada: string | null;
}

const clave = (usuarioId: string, version: number): string => `${usuarioId}:${version}`;

@Injectable()
export class CredencialesRepository {
  constructor(@InjectModel(Credencial.name) private readonly model: Model<Credencial>) {}

  /** One read by `_id`, the only filter every backend serves from its primary key. */
  async leer(usuarioId: string, version: number): Promise<VersionCredencial | null> {
    const d = await this.model.findById(clave(usuarioId, version)).lean<Credencial>().exec();
    return d
      ? {
          version: d.version,
          passwordHash: d.passwordHash ?? null,
          estado: d.estado,
          sesionConservada: d.sesionConservada ?? null,
        }
      : null;
  }

  /** True when this call created the version; false when a concurrent change took it first. */
  async crear(usuarioId: string, c: VersionCredencial): Promise<boolean> {
    try {
      await this.model.collection.insertOne({
        _id: clave(usuarioId, c.version) as never,
        usuarioId: new Types.ObjectId(usuarioId),
        ...c,
        creadaEn: new Date(),
      });
      return true;
    } catch (err) {
      if (esClaveDuplicada(err)) return false;
      throw err;
    }
  }

  /** An old hash is no longer needed once a newer version exists; it is not kept around. */
  async olvidarHash(usuarioId: string, version: number): Promise<void> {
    await this.model
      .updateOne({ _id: clave(usuarioId, version) }, { $set: { passwordHash: null } })
      .exec();
  }
}
