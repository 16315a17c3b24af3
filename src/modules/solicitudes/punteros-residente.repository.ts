import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { databaseConfig } from 'src/core/config/database.config';
import {
  cursorMasivo,
  opcionesMasivas,
  type CursorMasivo,
  type OpcionesMasivas,
} from 'src/core/database/limites-bd';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { esClaveDuplicada, indicesDuplicados } from 'src/shared/utils/mongo-errors';
import { PunteroResidente } from './schemas/puntero-residente.schema';

/** Residents whose pointers this instance remembers (a few ids each); past it, it starts over. */
const MAX_RESIDENTES_CONOCIDOS = 50_000;

/** Pointer numbers asked for per read (more than most residents ever have). */
const POR_LECTURA = 16;

/** Pointers per insert command in the start-up backfill. */
const POR_INSERCION = 1000;

const idPuntero = (residenteId: string, n: number): string => `${residenteId}:${n}`;

/**
 * The per-resident list of solicitud ids (schemas/puntero-residente.schema.ts). Every read and
 * every insert is by `_id`: FerretDB on SQLite pushes down nothing else.
 */
@Injectable()
export class PunterosResidenteRepository {
  private readonly conocidos = new Map<string, readonly string[]>();

  /** The start-up backfill is a bulk job: its own, larger time limits (limites-bd.ts). */
  private readonly cursor: CursorMasivo;
  private readonly masivo: OpcionesMasivas;

  constructor(
    @InjectModel(PunteroResidente.name) private readonly model: Model<PunteroResidente>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    this.cursor = cursorMasivo(db);
    this.masivo = opcionesMasivas(db);
  }

  /**
   * The resident's solicitud ids in insertion order, n = 1, 2, … until the first missing number.
   * Numbers are dense: `anotar` always takes the first free one, so a failed insert leaves a hole
   * the next insert fills. A pointer may name a solicitud that was never written (its insert
   * failed after the pointer's): readers skip those. Pointers never change, so those already read
   * are kept per resident and only the numbers after them are asked for (an index read on
   * MongoDB and on the project's FerretDB build, docs/ferretdb.md).
   */
  async ids(residenteId: string): Promise<string[]> {
    const ids = [...(this.conocidos.get(residenteId) ?? [])];
    // The next numbers in one `$in` of `_id`s (an index read), a tanda at a time: a resident with
    // years of history costs one round trip, not one per solicitud.
    for (let lleno = true; lleno;) {
      const siguientes = Array.from({ length: POR_LECTURA }, (_, k) =>
        idPuntero(residenteId, ids.length + 1 + k),
      );
      const docs = await this.model
        .find({ _id: { $in: siguientes } }, { solicitudId: 1 })
        .lean<Array<{ _id: string; solicitudId: string }>>()
        .exec();
      const porId = new Map(docs.map((d) => [d._id, d.solicitudId]));
      for (const id of siguientes) {
        const solicitudId = porId.get(id);
        // Numbers are dense: the first missing one ends the list.
        if (solicitudId === undefined) {
          lleno = false;
          break;
        }
        ids.push(solicitudId);
      }
    }
    if (this.conocidos.size >= MAX_RESIDENTES_CONOCIDOS) this.conocidos.clear();
    this.conocidos.set(residenteId, ids);
    return ids;
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

  /** Every listed solicitud id, and how many pointers each resident has: one scan. */
  async todosLosListados(): Promise<{ listados: Set<string>; porResidente: Map<string, number> }> {
    const cursor = this.model
      .find({}, { residenteId: 1, solicitudId: 1 })
      .lean<PunteroResidente[]>()
      .cursor({ batchSize: 1000, ...this.cursor });
    const porResidente = new Map<string, number>();
    const listados = new Set<string>();
    for await (const d of cursor as AsyncIterable<PunteroResidente>) {
      porResidente.set(d.residenteId, (porResidente.get(d.residenteId) ?? 0) + 1);
      listados.add(d.solicitudId);
    }
    return { listados, porResidente };
  }

  /**
   * The backfill's pointers in bulk, numbered after each resident's `cuenta` (from the scan):
   * those whose number was taken meanwhile (a solicitud created since) go one by one.
   */
  async anotarVarias(
    faltan: ReadonlyArray<{ residenteId: string; id: string }>,
    cuenta: Map<string, number>,
  ): Promise<void> {
    const docs = faltan.map((f) => {
      const n = (cuenta.get(f.residenteId) ?? 0) + 1;
      cuenta.set(f.residenteId, n);
      return { _id: idPuntero(f.residenteId, n), residenteId: f.residenteId, n, solicitudId: f.id };
    });
    for (let i = 0; i < docs.length; i += POR_INSERCION) {
      const lote = docs.slice(i, i + POR_INSERCION);
      const fallidos = await this.model.collection
        .insertMany(lote as never[], { ordered: false, ...this.masivo })
        .then(() => [])
        .catch((err: unknown) => {
          const indices = indicesDuplicados(err);
          if (!indices) throw err;
          // Positions unknown: every one again (`anotar` skips those already listed).
          return indices.some((k) => k < 0) ? lote.map((_, k) => k) : indices;
        });
      for (const k of fallidos) await this.anotar(lote[k].residenteId, lote[k].solicitudId);
    }
  }
}
