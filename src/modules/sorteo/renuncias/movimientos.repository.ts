import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { Pagina } from 'src/shared/pagination/pagina';
import { ignorarDuplicados } from 'src/shared/utils/mongo-errors';
import type { MovimientoGuardado } from './movimiento.entity';
import { MovimientoDoc } from './schemas/movimiento.schema';

/** Reads in flight at once while walking a result's movimientos by `_id`. */
const POR_LECTURA = 8;

const idMovimiento = (sorteoId: string, n: number): string => `${sorteoId}:${n}`;

/** A result has a handful of movimientos a month: reading them all is cheap on any engine. */
@Injectable()
export class MovimientosRepository {
  constructor(@InjectModel(MovimientoDoc.name) private readonly model: Model<MovimientoDoc>) {}

  /** Idempotent: a group already stored (a re-run after a crash) inserts nothing. */
  async insertar(sorteoId: string, movimientos: readonly MovimientoGuardado[]): Promise<void> {
    if (movimientos.length === 0) return;
    const docs = movimientos.map((m) => ({
      _id: idMovimiento(sorteoId, m.n),
      sorteoId,
      n: m.n,
      tipo: m.tipo,
      solicitudId: m.solicitudId,
      unidad: m.unidad ? { torre: m.unidad.torre, apartamento: m.unidad.apartamento } : null,
      parqueadero: m.parqueadero,
      motivo: m.motivo,
      fecha: m.fecha,
      por: m.por,
      turno: m.turno,
    }));
    await this.model.collection
      .insertMany(docs as never[], { ordered: false })
      .catch(ignorarDuplicados);
  }

  /** Every movimiento of a result, `n` ascending. */
  async deSorteo(sorteoId: string): Promise<MovimientoGuardado[]> {
    const docs = await this.model.find({ sorteoId }).lean<MovimientoDoc[]>().exec();
    return docs.map(aMovimiento).sort((a, b) => a.n - b.n);
  }

  /** Whether movimiento `n` is stored: one `_id` read, the result cache's freshness probe. */
  async existe(sorteoId: string, n: number): Promise<boolean> {
    const d = await this.model.findById(idMovimiento(sorteoId, n), { _id: 1 }).lean().exec();
    return d !== null;
  }

  /**
   * Movimientos 1, 2, … by `_id` until the first missing number: what `existe(k + 1)` can later
   * tell stale. Numbers are dense (each group starts at the replay's `siguiente`); a group cut by
   * a crash is completed by its turn's recovery, and then the probe sees it.
   */
  async consecutivos(sorteoId: string): Promise<MovimientoGuardado[]> {
    const todos: MovimientoGuardado[] = [];
    for (let desde = 1; ; desde += POR_LECTURA) {
      const docs = await Promise.all(
        Array.from({ length: POR_LECTURA }, (_, i) =>
          this.model
            .findById(idMovimiento(sorteoId, desde + i))
            .lean<MovimientoDoc>()
            .exec(),
        ),
      );
      for (const d of docs) {
        if (!d) return todos;
        todos.push(aMovimiento(d));
      }
    }
  }

  async pagina(sorteoId: string, page: number, limit: number): Promise<Pagina<MovimientoGuardado>> {
    const todos = await this.deSorteo(sorteoId);
    const desde = (page - 1) * limit;
    return { data: todos.slice(desde, desde + limit), meta: { total: todos.length, page, limit } };
  }
}

/** Field by field: a stored extra never leaves. */
function aMovimiento(d: MovimientoDoc): MovimientoGuardado {
  return {
    n: d.n,
    tipo: d.tipo,
    solicitudId: d.solicitudId ?? null,
    unidad: d.unidad ? { torre: d.unidad.torre, apartamento: d.unidad.apartamento } : null,
    parqueadero: d.parqueadero,
    motivo: d.motivo ?? null,
    fecha: d.fecha,
    por: d.por,
    turno: d.turno,
  };
}
