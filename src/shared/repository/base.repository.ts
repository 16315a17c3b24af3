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

  /**
   * One page and the total in two reads: every matching `_id` with the sort keys, in order, then
   * the page's documents by `_id`. FerretDB pushes down neither sorts nor counts, so a
   * `find().sort().skip().limit()` beside a `countDocuments()` was two scans of the collection;
   * this is one scan plus an `_id` read of the page (docs/ferretdb.md, bench/README.md "Admin
   * lists"). On MongoDB both are index walks. `timeoutMS`: a longer limit for lists that grow with
   * the complex's history. The page is read with the filter again: a document that stopped
   * matching in between is left out, never shown wrongly.
   */
  protected async paginar(
    filtro: FilterQuery<TDoc>,
    page: number,
    limit: number,
    opciones: {
      orden?: Record<string, SortOrder>;
      proyeccion?: ProjectionType<TDoc>;
      timeoutMS?: number;
    } = {},
  ): Promise<Pagina<TEntidad>> {
    const orden = opciones.orden ?? { _id: -1 };
    const claves: Record<string, 1> = { _id: 1 };
    for (const campo of Object.keys(orden)) claves[campo] = 1;
    const limite = opciones.timeoutMS ? { timeoutMS: opciones.timeoutMS } : {};
    const todas = await this.model
      .find(filtro, claves, limite)
      .sort(orden)
      .lean<Array<{ _id: Types.ObjectId }>>()
      .exec();
    const ids = todas.slice((page - 1) * limit, page * limit).map((d) => d._id);
    const meta = { total: todas.length, page, limit };
    if (ids.length === 0) return { data: [], meta };
    const porIds: FilterQuery<TDoc> =
      (filtro as { _id?: unknown })._id === undefined
        ? { ...filtro, _id: { $in: ids } }
        : { $and: [filtro, { _id: { $in: ids } }] };
    const docs = await this.model
      .find(porIds, opciones.proyeccion, limite)
      .lean<Registro<TDoc>[]>()
      .exec();
    const porId = new Map(docs.map((d) => [String(d._id), d]));
    const data: TEntidad[] = [];
    for (const id of ids) {
      const d = porId.get(String(id));
      if (d) data.push(this.aEntidad(d));
    }
    return { data, meta };
  }
}
