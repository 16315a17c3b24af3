import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import { cursorMasivo } from 'src/core/database/limites-bd';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import type { Json } from './canonico';
import type { EntradaAuditoria } from './entrada-auditoria';
import { EntradaAuditoriaDoc } from './schemas/entrada-auditoria.schema';

type Guardada = Omit<EntradaAuditoriaDoc, '_id'> & { _id: unknown };

/**
 * The stored `_id` of entry n: its decimal text. FerretDB-SQLite pushes an `_id` equality down to
 * SQL only for a string or an ObjectId; a numeric `_id` is read by decoding the whole collection
 * (53 s for one read at 100,000 entries on a loaded machine, found by bench:auditoria).
 */
export const idDeEntrada = (n: number): string => String(n);

/** The stored document back as an entry: exactly API.md's fields, in their stored values. */
function aEntrada(d: Guardada): EntradaAuditoria {
  return {
    n: d.n,
    fecha: d.fecha,
    actor: d.actor,
    accion: d.accion,
    recurso: d.recurso,
    cambios: (d.cambios ?? null) as Json,
    hashPrevio: d.hashPrevio,
    hash: d.hash,
  };
}

/**
 * The log's storage: inserts by `n` (the unique `_id` arbitrates between instances), reads by
 * `n`, and one ordered walk of everything (the index build and `verificar`).
 */
@Injectable()
export class AuditoriaRepository {
  constructor(
    @InjectModel(EntradaAuditoriaDoc.name) private readonly model: Model<EntradaAuditoriaDoc>,
    @Inject(databaseConfig.KEY) private readonly db: ConfigType<typeof databaseConfig>,
  ) {}

  /** False when another writer already holds `n` (E11000); any other failure is thrown. */
  async insertar(e: EntradaAuditoria): Promise<boolean> {
    try {
      await this.model.collection.insertOne({ _id: idDeEntrada(e.n), ...e } as never);
      return true;
    } catch (err) {
      if (esClaveDuplicada(err)) return false;
      throw err;
    }
  }

  async leer(n: number): Promise<EntradaAuditoria | null> {
    const d = await this.model.collection.findOne({ _id: idDeEntrada(n) } as never);
    return d ? aEntrada(d as unknown as Guardada) : null;
  }

  /**
   * Every stored entry, one at a time, in storage order: the callers keep a compact record of
   * each and order those themselves, instead of FerretDB sorting whole documents in its memory.
   */
  async *recorrer(): AsyncGenerator<EntradaAuditoria> {
    const cursor = this.model.collection.find({}, cursorMasivo(this.db)).batchSize(2000);
    try {
      for await (const d of cursor) yield aEntrada(d as unknown as Guardada);
    } finally {
      await cursor.close();
    }
  }
}
