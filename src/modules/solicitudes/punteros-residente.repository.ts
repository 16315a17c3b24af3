import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import { PunteroResidente } from './schemas/puntero-residente.schema';

/** Pointers read at once: a resident's usual one or two solicitudes in one round trip. */
const LOTE = 4;

const idPuntero = (residenteId: string, n: number): string => `${residenteId}:${n}`;

/**
 * The per-resident list of solicitud ids (schemas/puntero-residente.schema.ts). Every read and
 * every insert is by `_id`: FerretDB on SQLite pushes down nothing else.
 */
@Injectable()
export class PunterosResidenteRepository {
  constructor(
    @InjectModel(PunteroResidente.name) private readonly model: Model<PunteroResidente>,
  ) {}

  /**
   * The resident's solicitud ids in insertion order, n = 1, 2, … until the first missing number.
   * Numbers are dense: `anotar` always takes the first free one, so a failed insert leaves a hole
   * the next insert fills. A pointer may name a solicitud that was never written (its insert
   * failed after the pointer's): readers skip those.
   */
  async ids(residenteId: string): Promise<string[]> {
    const ids: string[] = [];
    for (let desde = 1; ; desde += LOTE) {
      const docs = await Promise.all(
        Array.from({ length: LOTE }, (_, i) =>
          this.model
            .findById(idPuntero(residenteId, desde + i), { solicitudId: 1 })
            .lean<{ solicitudId: string }>()
            .exec(),
        ),
      );
      for (const d of docs) {
        if (!d) return ids;
        ids.push(d.solicitudId);
      }
    }
  }

  /** Idempotent: a solicitud already listed is not listed twice (by this caller). */
  async anotar(residenteId: string, solicitudId: string): Promise<void> {
    const ids = await this.ids(residenteId);
    if (ids.includes(solicitudId)) return;
    for (let n = ids.length + 1; ; n++) {
      try {
        await this.model.collection.insertOne({
          _id: idPuntero(residenteId, n),
          residenteId,
          n,
          solicitudId,
        } as never);
        return;
      } catch (err) {
        if (!esClaveDuplicada(err)) throw err;
      }
    }
  }

  /** Every listed solicitud id: the start-up backfill's one scan of this collection. */
  async todosLosListados(): Promise<Set<string>> {
    const docs = await this.model.find({}, { solicitudId: 1 }).lean<PunteroResidente[]>().exec();
    return new Set(docs.map((d) => d.solicitudId));
  }
}
