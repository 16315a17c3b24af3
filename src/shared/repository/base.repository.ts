import type { FilterQuery, Model, ProjectionType, SortOrder } from 'mongoose';
import { Types } from 'mongoose';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import type { Pagina } from 'src/shared/pagination/pagina';

/** A stored document as a lean read returns it: plain data with its ObjectId. */
export type Registro<T> = T & { _id: Types.ObjectId };

/**
 * The only layer that speaks Mongoose. Reads are lean (plain objects, never hydrated documents)
 * and every result leaves through `aEntidad`, a whitelist mapper written by each repository.
 */
export abstract class BaseRepository<TDoc, TEntidad> {
  protected constructor(protected readonly model: Model<TDoc>) {}

  protected abstract aEntidad(doc: Registro<TDoc>): TEntidad;

  protected nuevoId(): Types.ObjectId {
    return new Types.ObjectId();
  }

  /**
   * Unscoped by design and therefore protected: a repository of resident-owned data exposes only
   * reads that take an `Alcance`; one of staff or session data exposes its own by-id read.
   */
  protected async leerPorId(id: string): Promise<TEntidad | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<Registro<TDoc>>().exec();
    return doc ? this.aEntidad(doc) : null;
  }

  protected async buscarUno(filtro: FilterQuery<TDoc>): Promise<TEntidad | null> {
    const doc = await this.model.findOne(filtro).lean<Registro<TDoc>>().exec();
    return doc ? this.aEntidad(doc) : null;
  }

  /**
   * Inserts and maps; a unique-index violation is returned as `null` so callers can name the rule.
   * The document is built (defaults, casting, validation, timestamps) but written with the
   * driver's insertOne: `Model.create`'s save machinery cost a third of a request's CPU here.
   */
  protected async insertar(
    data: Partial<TDoc> & { _id?: Types.ObjectId },
  ): Promise<TEntidad | null> {
    const doc = new this.model({ _id: data._id ?? this.nuevoId(), ...data });
    const invalido = doc.validateSync();
    if (invalido) throw invalido;
    (doc as unknown as { initializeTimestamps?: () => void }).initializeTimestamps?.();
    const registro = doc.toObject({ depopulate: true, versionKey: false }) as Registro<TDoc>;
    try {
      await this.model.collection.insertOne(registro);
      return this.aEntidad(registro);
    } catch (err) {
      if (esClaveDuplicada(err)) return null;
      throw err;
    }
  }

  protected async paginar(
    filtro: FilterQuery<TDoc>,
    page: number,
    limit: number,
    opciones: { orden?: Record<string, SortOrder>; proyeccion?: ProjectionType<TDoc> } = {},
  ): Promise<Pagina<TEntidad>> {
    const [docs, total] = await Promise.all([
      this.model
        .find(filtro, opciones.proyeccion)
        .sort(opciones.orden ?? { _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<Registro<TDoc>[]>()
        .exec(),
      this.model.countDocuments(filtro).exec(),
    ]);
    return { data: docs.map((d) => this.aEntidad(d)), meta: { total, page, limit } };
  }
}
