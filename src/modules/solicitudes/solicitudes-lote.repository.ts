import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import {
  filtroPorTramos,
  iniciosDeLotes,
  indiceDeLote,
  ordenarIds,
} from 'src/shared/repository/filtro-por-tramos';
import { ManifiestoLote } from './schemas/manifiesto-lote.schema';
import { Solicitud } from './schemas/solicitud.schema';

/**
 * Documents per batch: each batch costs one scan of `solicitudes` on FerretDB (~19 s at 100,000
 * on SQLite), so batches are as large as one delete can take. SQLite refuses more than 32,766
 * ids in one delete (see borrar-en-lotes.ts); the filter matches exactly the batch's ids.
 */
const LOTE = 30_000;
const POR_INSERCION = 1000;
/** Staging collections: `<prefix><lote with ':' as '_'>_<batch>`. */
const PREFIJO = 'solicitudes_lote_';

type MongoDoc = mongo.Document;
type Filter<T> = mongo.Filter<T>;
type Collection<T extends MongoDoc> = mongo.Collection<T>;
type DocCrudo = MongoDoc & { _id: unknown };

function ignorarDuplicados(err: unknown): void {
  if (!esClaveDuplicada(err)) throw err;
  const errores = (err as { writeErrors?: Array<{ code?: number }> }).writeErrors ?? [];
  if (errores.some((w) => w.code !== undefined && w.code !== 11000)) throw err;
}

export function coleccionDeLote(lote: string, indice: number): string {
  return `${PREFIJO}${lote.replace(/[^A-Za-z0-9]/g, '_')}_${indice}`;
}

/**
 * Rewrites many solicitudes at once (a draw, an annulment). FerretDB v1 on SQLite runs every
 * per-document update or delete as a scan of the whole collection, so N updates cost N scans.
 * Here the next version of every document is staged first, in one collection per batch of
 * consecutive ids; then each batch is one `deleteMany` of exactly its ids (filtro-por-tramos.ts keeps
 * that cheap), one `insertMany`, and the drop of its staging collection. A crash between the
 * delete and the insert loses nothing: the staged copies stay until their batch is inserted.
 * A manifest marks the staging complete, so a re-run never mixes two preparations.
 */
@Injectable()
export class SolicitudesLoteRepository {
  constructor(
    @InjectModel(Solicitud.name) private readonly solicitudes: Model<Solicitud>,
    @InjectModel(ManifiestoLote.name) private readonly manifiestos: Model<ManifiestoLote>,
  ) {}

  /**
   * One pass over the documents matching `filtro`; `transformar` returns the next document or
   * null (not part of this job). `ids` are the solicitudes the job may touch: they fix the batches.
   * Does nothing when this job was already staged.
   */
  async preparar(
    lote: string,
    ids: readonly string[],
    filtro: Filter<MongoDoc>,
    transformar: (d: DocCrudo) => DocCrudo | null,
  ): Promise<void> {
    if (await this.manifiestos.exists({ _id: lote })) return;
    await this.borrarPreparacion(lote);
    const inicios = iniciosDeLotes(ordenarIds(ids), LOTE);
    if (inicios.length === 0) inicios.push('');
    const buffers: DocCrudo[][] = inicios.map(() => []);
    const volcar = async (b: number): Promise<void> => {
      const docs = buffers[b];
      if (docs.length === 0) return;
      buffers[b] = [];
      await this.staging(lote, b).insertMany(docs, { ordered: false }).catch(ignorarDuplicados);
    };
    const cursor = this.solicitudes.collection.find(filtro).batchSize(POR_INSERCION);
    for await (const d of cursor) {
      const nuevo = transformar(d);
      if (!nuevo) continue;
      const b = indiceDeLote(inicios, String(d._id));
      buffers[b].push(nuevo);
      if (buffers[b].length >= POR_INSERCION) await volcar(b);
    }
    for (let b = 0; b < buffers.length; b++) await volcar(b);
    await this.manifiestos.collection
      .insertOne({ _id: lote as never, lotes: inicios.length, creadoEn: new Date() })
      .catch(ignorarDuplicados);
  }

  /**
   * Replaces the live documents by the staged ones, batch by batch. `pendiente` selects the live
   * documents not yet replaced (so a re-run never deletes what it already wrote); an insert that
   * finds its document already there was applied before a crash and is skipped.
   */
  async aplicar(lote: string, pendiente: Filter<MongoDoc>): Promise<void> {
    const m = await this.manifiestos.findById(lote).lean().exec();
    if (!m) return;
    for (let b = 0; b < m.lotes; b++) {
      const staging = this.staging(lote, b);
      const docs = (await staging.find({}).toArray()) as DocCrudo[];
      if (docs.length > 0) {
        const ids = ordenarIds(docs.map((d) => d._id));
        await this.solicitudes.collection.deleteMany({ ...filtroPorTramos(ids), ...pendiente });
        // In pieces: one command of 30,000 documents would hold a 30 MB buffer besides the docs.
        for (let i = 0; i < docs.length; i += POR_INSERCION) {
          await this.solicitudes.collection
            .insertMany(docs.slice(i, i + POR_INSERCION) as never[], { ordered: false })
            .catch(ignorarDuplicados);
        }
      }
      await this.soltar(staging);
    }
  }

  /** After aplicar: the manifest goes last, so a re-run of aplicar finds nothing left to do. */
  async descartar(lote: string): Promise<void> {
    await this.borrarPreparacion(lote);
    await this.manifiestos.deleteOne({ _id: lote }).exec();
  }

  private db(): mongo.Db {
    const db = this.solicitudes.db.db;
    if (!db) throw new Error('Sin conexión a la base de datos');
    return db;
  }

  private staging(lote: string, indice: number): Collection<DocCrudo> {
    return this.db().collection<DocCrudo>(coleccionDeLote(lote, indice));
  }

  /** Drops every staging collection of `lote` (a re-preparation starts from nothing). */
  private async borrarPreparacion(lote: string): Promise<void> {
    const prefijo = coleccionDeLote(lote, 0).replace(/0$/, '');
    const colecciones = await this.db().listCollections({}, { nameOnly: true }).toArray();
    for (const c of colecciones) {
      if (c.name.startsWith(prefijo)) await this.soltar(this.db().collection(c.name));
    }
  }

  private async soltar(c: Collection<DocCrudo>): Promise<void> {
    await c.drop().catch((err: unknown) => {
      // Already dropped (a re-run): code 26, NamespaceNotFound.
      if ((err as { code?: number }).code !== 26) throw err;
    });
  }
}
