import type { Model } from 'mongoose';

/**
 * Chunk documents sent per insert command: a few MB, well under the wire protocol's 48 MB. Larger
 * commands save nothing on FerretDB (25 per command measured no faster): it pays per stored value.
 */
export const BLOQUES_POR_INSERCION = 8;

/** How one owner's lists are laid out in a chunk collection. */
export interface FormaDeBloques<Items> {
  /** The field naming the owner (`sorteoId`, `convocatoriaId`): what an undo deletes by. */
  campoDueno: string;
  /** One letter per list, in the chunk's `_id`: `<owner>:<letter>:<index>`. */
  letras: { [T in keyof Items]: string };
  /** Each stored item back to its type, field by field (a whitelist: stored extras never leave). */
  mapeadores: { [T in keyof Items]: (v: unknown) => Items[T] };
  /** Fields stored beside the items, if the collection keeps any. */
  extra?: (letra: string, indice: number) => Record<string, unknown>;
  /**
   * Whether a chunk's items are stored as one JSON text instead of an array of documents (only for
   * items of strings, numbers and booleans). FerretDB converts and stores every value of a document
   * on its own, so a text of 1,000 lines costs about a third of the same lines as documents; the
   * reader parses it and maps it like an array. Chunks stored as arrays stay readable.
   */
  comoTexto?: boolean;
  /** The owner's kind, in the error for a missing chunk ("del sorteo"). */
  de: string;
}

/**
 * Long lists (a draw's participants, a close's frozen lines) stored as chunks of `tamano` items,
 * one document each, whose `_id` names owner, list and index: a reader fetches one chunk by `_id`
 * (the only lookup FerretDB pushes down to SQLite) and never scans. The chunks of an owner are
 * invisible until its header names their counts, so they may be written before the commit point.
 */
export class AlmacenDeBloques<Items, Doc extends { _id: string }> {
  constructor(
    private readonly modelo: Model<Doc>,
    private readonly forma: FormaDeBloques<Items>,
    /** Driver options for each bulk command, such as a job's own `timeoutMS`. */
    private readonly masivo: { timeoutMS?: number },
  ) {}

  id<T extends keyof Items>(dueno: string, tipo: T, indice: number): string {
    return `${dueno}:${this.forma.letras[tipo]}:${indice}`;
  }

  /** Stores `items` as chunks 0..n-1 of the list; returns n. */
  async insertar<T extends keyof Items>(
    dueno: string,
    tipo: T,
    items: readonly Items[T][],
    tamano: number,
  ): Promise<number> {
    const letra = this.forma.letras[tipo];
    const docs: Doc[] = [];
    for (let i = 0; i * tamano < items.length; i++) {
      const tramo = items.slice(i * tamano, (i + 1) * tamano);
      docs.push({
        _id: this.id(dueno, tipo, i),
        [this.forma.campoDueno]: dueno,
        ...this.forma.extra?.(letra, i),
        items: this.forma.comoTexto ? JSON.stringify(tramo) : tramo,
      } as unknown as Doc);
    }
    for (let i = 0; i < docs.length; i += BLOQUES_POR_INSERCION) {
      await this.modelo.insertMany(docs.slice(i, i + BLOQUES_POR_INSERCION), {
        ordered: false,
        lean: true,
        ...this.masivo,
      });
    }
    return docs.length;
  }

  async leer<T extends keyof Items>(dueno: string, tipo: T, indice: number): Promise<Items[T][]> {
    const id = this.id(dueno, tipo, indice);
    const d = await this.modelo.findById(id, { items: 1 }).lean<{ items?: unknown }>().exec();
    const crudos: unknown = typeof d?.items === 'string' ? JSON.parse(d.items) : d?.items;
    if (!Array.isArray(crudos)) throw new Error(`Falta el bloque ${id} ${this.forma.de}`);
    const mapear: (v: unknown) => Items[T] = this.forma.mapeadores[tipo];
    return crudos.map(mapear);
  }

  /** Every chunk of one list in order, reading the next while the caller handles the current. */
  async *recorrer<T extends keyof Items>(
    dueno: string,
    tipo: T,
    cantidad: number,
  ): AsyncGenerator<Items[T][]> {
    let siguiente = cantidad > 0 ? this.leer(dueno, tipo, 0) : null;
    for (let i = 0; i < cantidad && siguiente; i++) {
      const actual = await siguiente;
      siguiente = i + 1 < cantidad ? this.leer(dueno, tipo, i + 1) : null;
      // A rejected prefetch must not go unhandled if the caller stops early.
      siguiente?.catch(() => undefined);
      yield actual;
    }
  }

  async todos<T extends keyof Items>(
    dueno: string,
    tipo: T,
    cantidad: number,
  ): Promise<Items[T][]> {
    const todos: Items[T][] = [];
    for await (const items of this.recorrer(dueno, tipo, cantidad)) {
      for (const item of items) todos.push(item);
    }
    return todos;
  }

  /** Undo of an aborted job, or leftovers before a new one: idempotent; scans the collection. */
  async borrar(dueno: string): Promise<void> {
    await this.modelo
      .deleteMany({ [this.forma.campoDueno]: dueno })
      .setOptions(this.masivo)
      .exec();
  }
}
