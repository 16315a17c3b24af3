import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo, Types } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import {
  cursorMasivo,
  type CursorMasivo,
  opcionesMasivas,
  type OpcionesMasivas,
} from 'src/core/database/limites-bd';
import { MAX_IDS_POR_BORRADO } from 'src/shared/repository/borrar-en-tandas';
import { esClaveDuplicada, ignorarDuplicados } from 'src/shared/utils/mongo-errors';
import {
  filtroPorTramos,
  iniciosDeTandas,
  indiceDeTanda,
  ordenarIds,
} from 'src/shared/repository/filtro-por-tramos';
import { ManifiestoTrabajo } from './schemas/manifiesto-trabajo.schema';
import { Solicitud } from './schemas/solicitud.schema';
import type { EstadoSolicitud } from './solicitud.entity';

/**
 * Documents per tanda (batch of consecutive ids): each tanda costs one scan of `solicitudes` on
 * FerretDB (docs/ferretdb.md), so tandas are as large as one delete can take (borrar-en-tandas.ts).
 */
const IDS_POR_TANDA = MAX_IDS_POR_BORRADO;
const POR_INSERCION = 1000;
/**
 * Staging collections: `<prefix><trabajo with ':' as '_'>_<nonce>_<tanda>`. The stored names (this
 * prefix, the `solicitudes_lotes` manifests) predate the word "tanda" and stay, so a job staged by
 * an older version is still found and finished.
 */
const PREFIJO = 'solicitudes_lote_';

type MongoDoc = mongo.Document;
type Filter<T> = mongo.Filter<T>;
type Collection<T extends MongoDoc> = mongo.Collection<T>;
export type DocCrudo = MongoDoc & { _id: unknown };

/** Which solicitudes a job rewrites: those a draw closes, or those an annulment reopens. */
export type Reescritura =
  | { readonly tipo: 'sorteo'; readonly sorteoId: string }
  | { readonly tipo: 'anulacion'; readonly sorteoId: string };

/** A solicitud as a job sees it before rewriting it. */
export interface SolicitudActual {
  id: string;
  version: number;
  estado: EstadoSolicitud;
}

/** The next state of one solicitud in a job; `null` fields are written as null. */
export interface CambioMasivo {
  estado: EstadoSolicitud;
  motivo: string | null;
  sorteoId: string | null;
  parqueadero: string | null;
  posicionEspera: number | null;
  /** The historial entry's motivo, when it differs from the solicitud's `motivo`. */
  motivoHistorial?: string | null;
}

/** The job's name: its manifest `_id` and its staging collections' stem. */
export function trabajoDe(r: Reescritura): string {
  return `${r.tipo}:${r.sorteoId}`;
}

/** `filtro`: what the job may read; `pendiente`: live documents it has not replaced yet. */
function filtrosDe(r: Reescritura): { filtro: Filter<MongoDoc>; pendiente: Filter<MongoDoc> } {
  const sorteo = new Types.ObjectId(r.sorteoId);
  return r.tipo === 'sorteo'
    ? { filtro: { estado: 'aprobada' }, pendiente: { sorteoId: { $ne: sorteo } } }
    : {
        filtro: { sorteoId: sorteo, estado: { $in: ['asignada', 'no_asignada'] } },
        pendiente: { sorteoId: sorteo },
      };
}

/** A stored solicitud after one change: next version, the new fields and a historial entry. */
export function conCambio(
  doc: DocCrudo,
  c: CambioMasivo,
  usuarioId: string,
  fecha: Date,
): DocCrudo {
  const historial = Array.isArray(doc.historial) ? (doc.historial as unknown[]) : [];
  const { motivoHistorial, ...campos } = c;
  return {
    ...doc,
    ...campos,
    sorteoId: c.sorteoId ? new Types.ObjectId(c.sorteoId) : null,
    version: Number(doc.version) + 1,
    historial: [
      ...historial,
      {
        estado: c.estado,
        fecha,
        usuarioId: new Types.ObjectId(usuarioId),
        motivo: motivoHistorial === undefined ? c.motivo : motivoHistorial,
      },
    ],
    updatedAt: fecha,
  };
}

/** Staging collection of tanda `indice` of one preparation (`nonce`) of job `trabajo`. */
export function coleccionDeTanda(trabajo: string, nonce: string, indice: number): string {
  return `${prefijoDeTrabajo(trabajo)}${nonce}_${indice}`;
}

function prefijoDeTrabajo(trabajo: string): string {
  return `${PREFIJO}${trabajo.replace(/[^A-Za-z0-9]/g, '_')}_`;
}

/**
 * Rewrites many solicitudes at once (a draw, an annulment). FerretDB v1 on SQLite runs every
 * per-document update or delete as a scan of the whole collection, so N updates cost N scans.
 * Here the next version of every document is staged first, in one collection per tanda of
 * consecutive ids; then each tanda is one `deleteMany` of exactly its ids (filtro-por-tramos.ts
 * keeps that cheap), one `insertMany`, and the drop of its staging collection. A crash between the
 * delete and the insert loses nothing: the staged copies stay until their tanda is inserted.
 * A preparation stages under a nonce of its own; the manifest, inserted once staging is complete,
 * says which preparation counts (two racing preparers: the first insert wins, the other drops its
 * copies). Staging is only dropped after its tanda is applied, or when the whole job is done, so a
 * slow process and a recovery working at once can repeat work but never lose it: the delete skips
 * what is already applied and the insert skips what is already there.
 */
@Injectable()
export class ReescrituraMasivaRepository {
  private readonly masivo: OpcionesMasivas;
  private readonly cursor: CursorMasivo;

  constructor(
    @InjectModel(Solicitud.name) private readonly solicitudes: Model<Solicitud>,
    @InjectModel(ManifiestoTrabajo.name) private readonly manifiestos: Model<ManifiestoTrabajo>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    this.masivo = opcionesMasivas(db);
    this.cursor = cursorMasivo(db);
  }

  /**
   * Idempotent: runs job `r` to the end, or finishes it if a crash interrupted it. `ids` are the
   * solicitudes it may touch (they fix the tandas); `cambio` returns the next state of each one it
   * reads, or null to leave it out.
   */
  async reescribir(
    r: Reescritura,
    ids: readonly string[],
    cambio: (actual: SolicitudActual) => CambioMasivo | null,
    usuarioId: string,
    fecha: Date,
  ): Promise<void> {
    const trabajo = trabajoDe(r);
    const { filtro, pendiente } = filtrosDe(r);
    await this.preparar(trabajo, ids, filtro, (d) => {
      const c = cambio({
        id: String(d._id),
        version: Number(d.version),
        estado: d.estado as EstadoSolicitud,
      });
      return c ? conCambio(d, c, usuarioId, fecha) : null;
    });
    await this.aplicar(trabajo, pendiente);
    await this.descartar(trabajo);
  }

  /** True while a job is rewriting solicitudes: one may be missing from its collection. */
  async hayTrabajoEnCurso(): Promise<boolean> {
    return (await this.manifiestos.exists({})) !== null;
  }

  /** One pass over `filtro`; does nothing when this job was already staged. */
  private async preparar(
    trabajo: string,
    ids: readonly string[],
    filtro: Filter<MongoDoc>,
    transformar: (d: DocCrudo) => DocCrudo | null,
  ): Promise<void> {
    if (await this.manifiestos.exists({ _id: trabajo })) return;
    const nonce = randomBytes(6).toString('hex');
    const inicios = iniciosDeTandas(ordenarIds(ids), IDS_POR_TANDA);
    if (inicios.length === 0) inicios.push('');
    const buffers: DocCrudo[][] = inicios.map(() => []);
    const volcar = async (b: number): Promise<void> => {
      const docs = buffers[b];
      if (docs.length === 0) return;
      buffers[b] = [];
      await this.staging(trabajo, nonce, b)
        .insertMany(docs, { ordered: false, ...this.masivo })
        .catch(ignorarDuplicados);
    };
    const cursor = this.solicitudes.collection.find(filtro, this.cursor).batchSize(POR_INSERCION);
    for await (const d of cursor) {
      const nuevo = transformar(d);
      if (!nuevo) continue;
      const b = indiceDeTanda(inicios, String(d._id));
      buffers[b].push(nuevo);
      if (buffers[b].length >= POR_INSERCION) await volcar(b);
    }
    for (let b = 0; b < buffers.length; b++) await volcar(b);
    try {
      await this.manifiestos.collection.insertOne({
        _id: trabajo as never,
        nonce,
        lotes: inicios.length,
        creadoEn: new Date(),
      });
    } catch (err) {
      if (!esClaveDuplicada(err)) throw err;
      // Another preparation of the same job won: its copies are the ones to apply.
      for (let b = 0; b < inicios.length; b++) await this.soltar(this.staging(trabajo, nonce, b));
    }
  }

  /**
   * Replaces the live documents by the staged ones, tanda by tanda. `pendiente` selects the live
   * documents not yet replaced (so a re-run never deletes what it already wrote); an insert that
   * finds its document already there was applied before a crash and is skipped.
   */
  private async aplicar(trabajo: string, pendiente: Filter<MongoDoc>): Promise<void> {
    const m = await this.manifiestos.findById(trabajo).lean().exec();
    if (!m) return;
    for (let b = 0; b < m.lotes; b++) {
      const staging = this.staging(trabajo, m.nonce, b);
      const docs = (await staging.find({}, this.masivo).toArray()) as DocCrudo[];
      if (docs.length > 0) {
        const ids = ordenarIds(docs.map((d) => d._id));
        await this.solicitudes.collection.deleteMany(
          { ...filtroPorTramos(ids), ...pendiente },
          this.masivo,
        );
        // In pieces: one command of 30,000 documents would hold a 30 MB buffer besides the docs.
        for (let i = 0; i < docs.length; i += POR_INSERCION) {
          await this.solicitudes.collection
            .insertMany(docs.slice(i, i + POR_INSERCION) as never[], {
              ordered: false,
              ...this.masivo,
            })
            .catch(ignorarDuplicados);
        }
      }
      await this.soltar(staging);
    }
  }

  /**
   * After aplicar: every staging collection of the job goes (those of preparations that lost or
   * died too), then the manifest, so a re-run of aplicar finds nothing left to do.
   */
  private async descartar(trabajo: string): Promise<void> {
    const prefijo = prefijoDeTrabajo(trabajo);
    const colecciones = await this.db().listCollections({}, { nameOnly: true }).toArray();
    for (const c of colecciones) {
      if (c.name.startsWith(prefijo)) await this.soltar(this.db().collection(c.name));
    }
    await this.manifiestos.deleteOne({ _id: trabajo }).exec();
  }

  private db(): mongo.Db {
    const db = this.solicitudes.db.db;
    if (!db) throw new Error('Sin conexión a la base de datos');
    return db;
  }

  private staging(trabajo: string, nonce: string, indice: number): Collection<DocCrudo> {
    return this.db().collection<DocCrudo>(coleccionDeTanda(trabajo, nonce, indice));
  }

  private async soltar(c: Collection<DocCrudo>): Promise<void> {
    await c.drop(this.masivo).catch((err: unknown) => {
      // Already dropped (a re-run): code 26, NamespaceNotFound.
      if ((err as { code?: number }).code !== 26) throw err;
    });
  }
}
