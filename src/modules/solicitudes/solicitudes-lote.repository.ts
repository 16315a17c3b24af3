import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Filter, Document as MongoDoc } from 'mongodb';
import { Model } from 'mongoose';
import { borrarEnLotes, MAX_IDS_POR_BORRADO } from 'src/shared/repository/borrar-en-lotes';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import { Reemplazo } from './schemas/reemplazo.schema';
import { Solicitud } from './schemas/solicitud.schema';

/**
 * Documents per batch: each batch costs one scan of the collection on FerretDB, so batches are as
 * large as its delete can take (see MAX_IDS_POR_BORRADO).
 */
const LOTE = MAX_IDS_POR_BORRADO;

type DocCrudo = MongoDoc & { _id: unknown };

function ignorarDuplicados(err: unknown): void {
  if (!esClaveDuplicada(err)) throw err;
  const errores = (err as { writeErrors?: Array<{ code?: number }> }).writeErrors ?? [];
  if (errores.some((w) => w.code !== undefined && w.code !== 11000)) throw err;
}

/**
 * Writes to many solicitudes at once (a draw, an annulment). FerretDB v1 on SQLite runs every
 * per-document update or delete as a scan of the whole collection (its `_id` index is not used for
 * writes), so N updates cost N scans. Here a batch costs one scan: new documents are staged with
 * inserts, then each batch is one `deleteMany` by ids and one `insertMany`.
 */
@Injectable()
export class SolicitudesLoteRepository {
  constructor(
    @InjectModel(Solicitud.name) private readonly solicitudes: Model<Solicitud>,
    @InjectModel(Reemplazo.name) private readonly reemplazos: Model<Reemplazo>,
  ) {}

  /** One pass over the documents matching `filtro`; `transformar` returns the next document or null. */
  async preparar(
    lote: string,
    filtro: Filter<MongoDoc>,
    transformar: (d: DocCrudo) => DocCrudo | null,
  ): Promise<number> {
    const cursor = this.solicitudes.collection.find(filtro).batchSize(LOTE);
    let buffer: DocCrudo[] = [];
    let total = 0;
    const volcar = async (): Promise<void> => {
      if (buffer.length === 0) return;
      const docs = buffer.map((doc) => ({ _id: `${lote}:${String(doc._id)}`, lote, doc }));
      buffer = [];
      await this.reemplazos.collection
        .insertMany(docs as never[], { ordered: false })
        .catch(ignorarDuplicados);
    };
    for await (const d of cursor) {
      const nuevo = transformar(d);
      if (!nuevo) continue;
      buffer.push(nuevo);
      total += 1;
      if (buffer.length >= 2000) await volcar();
    }
    await volcar();
    return total;
  }

  /**
   * Replaces the live documents by the staged ones, batch by batch. `pendiente` selects the live
   * documents not yet replaced (so a re-run never deletes what it already wrote); an insert that
   * finds its document already there was applied before a crash and is skipped.
   */
  async aplicar(
    lote: string,
    pendiente: Filter<MongoDoc>,
    alAplicar?: (docs: DocCrudo[]) => Promise<void>,
  ): Promise<void> {
    const cursor = this.reemplazos.collection.find({ lote }).batchSize(LOTE);
    let buffer: DocCrudo[] = [];
    const volcar = async (): Promise<void> => {
      if (buffer.length === 0) return;
      const docs = buffer;
      buffer = [];
      await this.solicitudes.collection.deleteMany({
        _id: { $in: docs.map((d) => d._id) } as never,
        ...pendiente,
      });
      await this.solicitudes.collection
        .insertMany(docs as never[], { ordered: false })
        .catch(ignorarDuplicados);
      if (alAplicar) await alAplicar(docs);
    };
    for await (const r of cursor) {
      buffer.push((r as unknown as { doc: DocCrudo }).doc);
      if (buffer.length >= LOTE) await volcar();
    }
    await volcar();
  }

  async descartar(lote: string): Promise<void> {
    await borrarEnLotes(this.reemplazos.collection, { lote });
  }
}
