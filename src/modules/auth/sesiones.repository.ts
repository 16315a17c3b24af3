import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { BaseRepository, Registro } from 'src/shared/repository/base.repository';
import { borrarEnTandas } from 'src/shared/repository/borrar-en-tandas';
import { RefreshToken } from './schemas/refresh-token.schema';
import { Sesion } from './schemas/sesion.schema';

export interface SesionEntidad {
  id: string;
  usuarioId: string;
  expiraEn: Date;
  revocadaEn: Date | null;
}

export interface RefreshTokenEntidad {
  hash: string;
  sesionId: string;
  expiraEn: Date;
}

@Injectable()
export class SesionesRepository extends BaseRepository<Sesion, SesionEntidad> {
  constructor(
    @InjectModel(Sesion.name) model: Model<Sesion>,
    @InjectModel(RefreshToken.name) private readonly tokens: Model<RefreshToken>,
  ) {
    super(model);
  }

  /** Accounts and sessions belong to no resident's data: read by id, for the auth paths. */
  buscarPorId(id: string): Promise<SesionEntidad | null> {
    return this.leerPorId(id);
  }

  protected aEntidad(d: Registro<Sesion>): SesionEntidad {
    return {
      id: d._id.toHexString(),
      usuarioId: d.usuarioId.toHexString(),
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

  async guardarRefresh(t: RefreshTokenEntidad): Promise<void> {
    await this.tokens.create({
      _id: t.hash,
      sesionId: new Types.ObjectId(t.sesionId),
      expiraEn: t.expiraEn,
    });
  }

  async buscarRefresh(hash: string): Promise<RefreshTokenEntidad | null> {
    const d = await this.tokens.findById(hash).lean<RefreshToken>().exec();
    return d ? { hash: d._id, sesionId: d.sesionId.toHexString(), expiraEn: d.expiraEn } : null;
  }

  async revocar(id: string, ahora: Date): Promise<void> {
    await this.model
      .updateOne({ _id: new Types.ObjectId(id), revocadaEn: null }, { $set: { revocadaEn: ahora } })
      .exec();
  }

  /** Every session of the user except `excepto` (password change) or all of them (account disabled). */
  async revocarDeUsuario(usuarioId: string, ahora: Date, excepto?: string): Promise<void> {
    const filtro: Record<string, unknown> = {
      usuarioId: new Types.ObjectId(usuarioId),
      revocadaEn: null,
    };
    if (excepto) filtro._id = { $ne: new Types.ObjectId(excepto) };
    await this.model.updateMany(filtro, { $set: { revocadaEn: ahora } }).exec();
  }

  /** Housekeeping: what has expired can no longer be presented, so it need not be kept. */
  async purgarVencidas(antes: Date): Promise<void> {
    await Promise.all([
      borrarEnTandas(this.tokens.collection, { expiraEn: { $lt: antes } }),
      borrarEnTandas(this.model.collection, { expiraEn: { $lt: antes } }),
    ]);
  }
}
