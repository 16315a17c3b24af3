import { Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { databaseConfig } from 'src/core/config/database.config';
import { opcionesMasivas, type OpcionesMasivas } from 'src/core/database/limites-bd';
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
  credencialVersion: number;
}

export interface RefreshTokenEntidad {
  hash: string;
  sesionId: string;
  expiraEn: Date;
}

@Injectable()
export class SesionesRepository extends BaseRepository<Sesion, SesionEntidad> {
  /** Housekeeping deletes a backlog in big batches: the bulk jobs' time limit, not a request's. */
  private readonly masivo: OpcionesMasivas;

  constructor(
    @InjectModel(Sesion.name) model: Model<Sesion>,
    @InjectModel(RefreshToken.name) private readonly tokens: Model<RefreshToken>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    super(model);
    this.masivo = opcionesMasivas(db);
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
      credencialVersion: d.credencialVersion ?? 0,
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
      credencialVersion: s.credencialVersion,
    });
  }

  /**
   * The per-request check: one read by `_id`, which every backend serves from its primary key.
   * The credential version the session was opened under, or null when it is not open.
   */
  async versionSiActiva(id: string, usuarioId: string, ahora: Date): Promise<number | null> {
    const s = await this.model
      .findById(id, { usuarioId: 1, revocadaEn: 1, expiraEn: 1, credencialVersion: 1 })
      .lean<
        Pick<
          Registro<Sesion>,
          '_id' | 'usuarioId' | 'revocadaEn' | 'expiraEn' | 'credencialVersion'
        >
      >()
      .exec();
    const activa =
      !!s && !s.revocadaEn && s.expiraEn > ahora && s.usuarioId.toHexString() === usuarioId;
    return activa ? (s.credencialVersion ?? 0) : null;
  }

  /**
   * Keeps the newest `maximo` open sessions of the user and revokes the rest (ObjectIds grow with
   * time). Revocation is idempotent, so two logins trimming at once cannot undo each other.
   */
  async revocarExcedentes(usuarioId: string, maximo: number, ahora: Date): Promise<void> {
    const abiertas = await this.model
      .find(
        { usuarioId: new Types.ObjectId(usuarioId), revocadaEn: null, expiraEn: { $gt: ahora } },
        { _id: 1 },
      )
      .lean<Array<{ _id: Types.ObjectId }>>()
      .exec();
    if (abiertas.length <= maximo) return;
    const sobrantes = abiertas
      .map((d) => d._id.toHexString())
      .sort()
      .slice(0, abiertas.length - maximo)
      .map((id) => new Types.ObjectId(id));
    await this.model
      .updateMany({ _id: { $in: sobrantes }, revocadaEn: null }, { $set: { revocadaEn: ahora } })
      .exec();
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
      borrarEnTandas(this.tokens.collection, { expiraEn: { $lt: antes } }, this.masivo),
      borrarEnTandas(this.model.collection, { expiraEn: { $lt: antes } }, this.masivo),
    ]);
  }
}
