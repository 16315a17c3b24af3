import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { MAX_IDS_POR_BORRADO } from 'src/shared/repository/borrar-en-lotes';
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
 * on SQLite), so batches are as large as one delete can take (borrar-en-lotes.ts).
 */
const LOTE = MAX_IDS_POR_BORRADO;
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

/** Staging collection of batch `indice` of one preparation (`nonce`) of job `lote`. */
export function coleccionDeLote(lote: string, nonce: string, indice: number): string {
  return `${prefijoDeLote(lote)}${nonce}_${indice}`;
}

function prefijoDeLote(lote: string): string {
  return `${PREFIJO}${lote.replace(/[^A-Za-z0-9]/g, '_')}_`;
}

/**
 * Rewrites many solicitudes at once (a draw, an annulment). FerretDB v1 on SQLite runs every
 * per-document update or delete as a scan of the whole collection, so N updates cost N scans.
 * Here the next version of every document is staged first, in one collection per batch of
 * consecutive ids; then each batch is one `deleteMany` of exactly its ids (filtro-por-tramos.ts keeps
 * that cheap), one `insertMany`, and the drop of its staging collection. A crash between the
 * delete and the insert loses nothing: the staged copies stay until their batch is inserted.
 * A preparation stages under a nonce of its own; the manifest, inserted once staging is complete,
 * says which preparation counts (two racing preparers: the first insert wins, the other drops its
 * copies). Staging is only dropped after its batch is applied, or when the whole job is done, so a
 * slow process and a recovery working at once can repeat work but never lose it: the delete skips
 * what is already applied and the insert skips what is already there.
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
    const nonce = randomBytes(6).toString('hex');
    const inicios = iniciosDeLotes(ordenarIds(ids), LOTE);
    if (inicios.length === 0) inicios.push('');
    const buffers: DocCrudo[][] = inicios.map(() => []);
    const volcar = async (b: number): Promise<void> => {
      const docs = buffers[b];
      if (docs.length === 0) return;
      buffers[b] = [];
      await this.staging(lote, nonce, b)
        .insertMany(docs, { ordered: false })
        .catch(ignorarDuplicados);
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
    try {
      await this.manifiestos.collection.insertOne({
        _id: lote as never,
        nonce,
        lotes: inicios.length,
        creadoEn: new Date(),
      });
    } catch (err) {
      if (!esClaveDuplicada(err)) throw err;
      // Another preparation of the same job won: its copies are the ones to apply.
      for (let b = 0; b < inicios.length; b++) await this.soltar(this.staging(lote, nonce, b));
    }
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
      const staging = this.staging(lote, m.nonce, b);
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

  /**
   * After aplicar: every staging collection of the job goes (those of preparations that lost or
   * died too), then the manifest, so a re-run of aplicar finds nothing left to do.
   */
  async descartar(lote: string): Promise<void> {
    const prefijo = prefijoDeLote(lote);
    const colecciones = await this.db().listCollections({}, { nameOnly: true }).toArray();
    for (const c of colecciones) {
      if (c.name.startsWith(prefijo)) await this.soltar(this.db().collection(c.name));
    }
    await this.manifiestos.deleteOne({ _id: lote }).exec();
  }

  /** True while a batch job is rewriting solicitudes: one may be missing from its collection. */
  async hayLoteEnCurso(): Promise<boolean> {
    return (await this.manifiestos.exists({})) !== null;
  }

  private db(): mongo.Db {
    const db = this.solicitudes.db.db;
    if (!db) throw new Error('Sin conexión a la base de datos');
    return db;
  }

  private staging(lote: string, nonce: string, indice: number): Collection<DocCrudo> {
    return this.db().collection<DocCrudo>(coleccionDeLote(lote, nonce, indice));
  }

  private async soltar(c: Collection<DocCrudo>): Promise<void> {
    await c.drop().catch((err: unknown) => {
      // Already dropped (a re-run): code 26, NamespaceNotFound.
      if ((err as { code?: number }).code !== 26) throw err;
    });
  }
}
