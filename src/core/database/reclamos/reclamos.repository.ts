import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import { borrarEnTandas, enTrozos } from 'src/shared/repository/borrar-en-tandas';
import { filtroPorTramos, ordenarIds } from 'src/shared/repository/filtro-por-tramos';
import { esClaveDuplicada, indicesDuplicados } from 'src/shared/utils/mongo-errors';
import { escaparRegex } from 'src/shared/utils/regex';
import { opcionesMasivas, type OpcionesMasivas } from '../limites-bd';
import { Reclamo } from './reclamo.schema';

@Injectable()
export class ReclamosRepository {
  /** For the many-key operations (an annulment, housekeeping); single claims keep the request limit. */
  private readonly masivo: OpcionesMasivas;

  constructor(
    @InjectModel(Reclamo.name) private readonly model: Model<Reclamo>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    this.masivo = opcionesMasivas(db);
  }

  /**
   * True when this call inserted `clave`; false when it already existed, whoever holds it. For
   * one-time events ("this token was used"), where a second attempt by the same owner is a reuse.
   */
  async reclamarUnaVez(clave: string, dueno: string): Promise<boolean> {
    try {
      // The driver's insertOne: a claim needs no document machinery, and this is on hot paths.
      await this.model.collection.insertOne({ _id: clave as never, dueno, creadoEn: new Date() });
      return true;
    } catch (err) {
      if (esClaveDuplicada(err)) return false;
      throw err;
    }
  }

  /**
   * For keys an entity holds (a documento, a placa): holding it already counts as owning it, so a
   * retry after a crash does not lose to itself.
   */
  async reclamarIdempotente(clave: string, dueno: string): Promise<boolean> {
    if (await this.reclamarUnaVez(clave, dueno)) return true;
    const actual = await this.model.findById(clave, { dueno: 1 }).lean().exec();
    return actual?.dueno === dueno;
  }

  async dueno(clave: string): Promise<string | null> {
    return (await this.leer(clave))?.dueno ?? null;
  }

  async leer(clave: string): Promise<{ dueno: string; creadoEn: Date } | null> {
    const r = await this.model.findById(clave, { dueno: 1, creadoEn: 1 }).lean().exec();
    return r ? { dueno: r.dueno, creadoEn: new Date(r.creadoEn) } : null;
  }

  /** Claims every key or none: on the first refusal, releases what it took and returns that key. */
  async reclamarTodasIdempotente(claves: string[], dueno: string): Promise<string | null> {
    const tomadas: string[] = [];
    for (const clave of claves) {
      if (await this.reclamarIdempotente(clave, dueno)) {
        tomadas.push(clave);
        continue;
      }
      await this.liberar(tomadas, dueno);
      return clave;
    }
    return null;
  }

  /**
   * Takes many keys in one unordered insert; returns the keys that someone else holds. A key the
   * same owner already holds counts as taken (a re-run after a crash).
   */
  async reclamarVariasIdempotente(
    pares: Array<[clave: string, dueno: string]>,
  ): Promise<Set<string>> {
    if (pares.length === 0) return new Set();
    const ahora = new Date();
    let duplicados: number[] = [];
    try {
      await this.model.collection.insertMany(
        pares.map(([clave, dueno]) => ({ _id: clave as never, dueno, creadoEn: ahora })),
        { ordered: false, ...this.masivo },
      );
    } catch (err) {
      const perdidas = indicesDuplicados(err);
      if (!perdidas) throw err;
      duplicados = perdidas;
    }
    if (duplicados.length === 0) return new Set();
    const claves = duplicados.map((i) => pares[i][0]);
    const actuales = await this.model.collection
      .find(filtroPorTramos(ordenarIds(claves)), { ...this.masivo, projection: { dueno: 1 } })
      .toArray();
    const duenoDe = new Map(actuales.map((r) => [String(r._id), r.dueno as unknown]));
    return new Set(
      duplicados
        .map((i) => pares[i])
        .filter(([c, d]) => duenoDe.get(c) !== d)
        .map(([c]) => c),
    );
  }

  /**
   * Releases many claims in one delete (one scan on FerretDB, where per-document deletes each scan
   * the collection). Only keys still held by one of `duenos` go: the keys of a batch are held by
   * their own owners while the batch runs, so the pairing cannot cross.
   */
  async liberarVarias(claves: string[], duenos: string[]): Promise<void> {
    for (const trozo of enTrozos(claves)) {
      // The exact key match first: only the few documents it lets through pay the owners' `$in`.
      await this.model.collection.deleteMany(
        { ...filtroPorTramos(ordenarIds(trozo)), dueno: { $in: duenos } },
        this.masivo,
      );
    }
  }

  /** Housekeeping for claims that expire with what they guard (used refresh tokens, activations). */
  async purgarPrefijo(prefijo: string, antes: Date): Promise<void> {
    await borrarEnTandas(
      this.model.collection,
      { _id: { $regex: `^${escaparRegex(prefijo)}` } as never, creadoEn: { $lt: antes } },
      this.masivo,
    );
  }

  /** Releases only claims still held by `dueno`, so a stale release cannot free another's claim. */
  async liberar(claves: string[], dueno: string): Promise<void> {
    if (claves.length === 0) return;
    await this.model.deleteMany({ _id: { $in: claves }, dueno }).exec();
  }
}
