import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import { opcionesMasivas, type OpcionesMasivas } from 'src/core/database/limites-bd';
import { filtroPorTramos, ordenarIds } from 'src/shared/repository/filtro-por-tramos';
import { ignorarDuplicados } from 'src/shared/utils/mongo-errors';
import { conCambio, type DocCrudo } from './reescritura-masiva.repository';
import { LoteAprobacion } from './schemas/lote-aprobacion.schema';
import { Solicitud } from './schemas/solicitud.schema';
import type { DocumentoSolicitud } from './solicitudes.repository';

/** A bulk approval staged before its claims: the next version of each candidate, whole. */
export interface LoteAprobacionEntidad {
  id: string;
  usuarioId: string;
  fecha: Date;
  creadoEn: Date;
  /** Each candidate's id and the version its approval claims (the staged document's). */
  candidatas: Array<{ solicitudId: string; version: number }>;
  readonly siguientes: readonly DocCrudo[];
}

function aEntidad(d: LoteAprobacion): LoteAprobacionEntidad {
  const siguientes = d.siguientes as DocCrudo[];
  return {
    id: d._id,
    usuarioId: d.usuarioId,
    fecha: d.fecha,
    creadoEn: d.creadoEn,
    candidatas: siguientes.map((s) => ({ solicitudId: String(s._id), version: Number(s.version) })),
    siguientes,
  };
}

/**
 * Writes a bulk approval in a few commands whatever its size (FerretDB runs every per-document
 * update as a scan of the collection, docs/ferretdb.md): the lote is stored first, with the next
 * version of every candidate; then, once the claims are decided, one `deleteMany` of the won ids
 * that are still `pendiente` and one `insertMany` of their staged versions. Safe to repeat, by the
 * live request or a recovery: `pendiente` is only ever a solicitud's first state, so a document
 * that is no longer `pendiente` was written already (by this lote, or by an arbiter rolling the
 * claim forward, and perhaps changed since), and an insert that finds its document is skipped.
 * The draw's ReescrituraMasivaRepository stages in collections because a draw rewrites 100,000
 * solicitudes; 1,000 fit one document, which saves creating and dropping collections and a scan.
 */
@Injectable()
export class AprobacionesMasivasRepository {
  private readonly masivo: OpcionesMasivas;

  constructor(
    @InjectModel(Solicitud.name) private readonly solicitudes: Model<Solicitud>,
    @InjectModel(LoteAprobacion.name) private readonly lotes: Model<LoteAprobacion>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    this.masivo = opcionesMasivas(db);
  }

  /** Stores the lote: each document's next version, `aprobada`, by `usuarioId` at `fecha`. */
  async registrar(
    documentos: readonly DocumentoSolicitud[],
    usuarioId: string,
    fecha: Date,
  ): Promise<LoteAprobacionEntidad> {
    const siguientes = documentos.map((d) =>
      conCambio(
        d as DocCrudo,
        {
          estado: 'aprobada',
          motivo: null,
          sorteoId: null,
          parqueadero: null,
          posicionEspera: null,
        },
        usuarioId,
        fecha,
      ),
    );
    const lote: LoteAprobacion = {
      _id: new Types.ObjectId().toHexString(),
      usuarioId,
      fecha,
      siguientes,
      creadoEn: new Date(),
    };
    await this.lotes.collection.insertOne(lote as never, this.masivo);
    return aEntidad(lote);
  }

  /** Writes the staged versions of `ganadas` (the ids whose claims the lote won). Idempotent. */
  async aplicar(lote: LoteAprobacionEntidad, ganadas: ReadonlySet<string>): Promise<void> {
    const docs = lote.siguientes.filter((d) => ganadas.has(String(d._id)));
    if (docs.length === 0) return;
    const ids = ordenarIds(docs.map((d) => d._id));
    await this.solicitudes.collection.deleteMany(
      { ...filtroPorTramos(ids), estado: 'pendiente' },
      this.masivo,
    );
    await this.solicitudes.collection
      .insertMany(docs as never[], { ordered: false, ...this.masivo })
      .catch(ignorarDuplicados);
  }

  async terminar(lote: LoteAprobacionEntidad): Promise<void> {
    await this.lotes.deleteOne({ _id: lote.id }).exec();
  }

  /** Lotes stored before `antesDe`: their request is presumed dead. */
  async anterioresA(antesDe: Date): Promise<LoteAprobacionEntidad[]> {
    const docs = await this.lotes.collection
      .find({ creadoEn: { $lt: antesDe } }, this.masivo)
      .toArray();
    return docs.map((d) => aEntidad(d as unknown as LoteAprobacion));
  }

  /** The oldest lote's creation, or null when none is pending. */
  async masAntiguo(): Promise<Date | null> {
    const docs = await this.lotes.collection.find({}, { projection: { creadoEn: 1 } }).toArray();
    const fechas = docs.map((d) => (d.creadoEn as Date).getTime());
    return fechas.length === 0 ? null : new Date(Math.min(...fechas));
  }

  /** True while a bulk approval may have deleted a solicitud it has not re-inserted yet. */
  async hayLoteEnCurso(): Promise<boolean> {
    return (await this.lotes.exists({})) !== null;
  }
}
