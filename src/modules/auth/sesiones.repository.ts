import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { BaseRepository, Registro } from 'src/shared/repository/base.repository';
import { Sesion } from './schemas/sesion.schema';

export interface SesionEntidad {
  id: string;
  usuarioId: string;
  refreshHash: string;
  expiraEn: Date;
  revocadaEn: Date | null;
}

@Injectable()
export class SesionesRepository extends BaseRepository<Sesion, SesionEntidad> {
  constructor(@InjectModel(Sesion.name) model: Model<Sesion>) {
    super(model);
  }

  protected aEntidad(d: Registro<Sesion>): SesionEntidad {
    return {
      id: d._id.toHexString(),
      usuarioId: d.usuarioId.toHexString(),
      refreshHash: d.refreshHash,
      expiraEn: d.expiraEn,
      revocadaEn: d.revocadaEn ?? null,
    };
  }

  idNuevo(): string {
    return this.nuevoId().toHexString();
  }

  async crear(s: Omit<SesionEntidad, 'revocadaEn'>): Promise<void> {
    await this.model.create({
      _id: new Types.ObjectId(s.id),
      usuarioId: new Types.ObjectId(s.usuarioId),
      refreshHash: s.refreshHash,
      expiraEn: s.expiraEn,
    });
  }

  /** The per-request check: one read by `_id`, which every backend serves from its primary key. */
  async estaActiva(id: string, usuarioId: string, ahora: Date): Promise<boolean> {
    const s = await this.model
      .findById(id, { usuarioId: 1, revocadaEn: 1, expiraEn: 1 })
      .lean<Pick<Registro<Sesion>, '_id' | 'usuarioId' | 'revocadaEn' | 'expiraEn'>>()
      .exec();
    return !!s && !s.revocadaEn && s.expiraEn > ahora && s.usuarioId.toHexString() === usuarioId;
  }

  async rotar(id: string, refreshHash: string, expiraEn: Date): Promise<void> {
    await this.model.updateOne({ _id: new Types.ObjectId(id) }, { $set: { refreshHash, expiraEn } }).exec();
  }

  async revocar(id: string, ahora: Date): Promise<void> {
    await this.model
      .updateOne({ _id: new Types.ObjectId(id), revocadaEn: null }, { $set: { revocadaEn: ahora } })
      .exec();
  }

  /** Every session of the user except `excepto` (password change) or all of them (account disabled). */
  async revocarDeUsuario(usuarioId: string, ahora: Date, excepto?: string): Promise<void> {
    const filtro: Record<string, unknown> = { usuarioId: new Types.ObjectId(usuarioId), revocadaEn: null };
    if (excepto) filtro._id = { $ne: new Types.ObjectId(excepto) };
    await this.model.updateMany(filtro, { $set: { revocadaEn: ahora } }).exec();
  }
}
