import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { borrarEnLotes, enTrozos } from 'src/shared/repository/borrar-en-lotes';
import { filtroPorTramos, ordenarIds } from 'src/shared/repository/filtro-por-tramos';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import { escaparRegex } from 'src/shared/utils/regex';
import { Reclamo } from './reclamo.schema';

/** Long enough for any in-flight creation to finish writing what its claim guards. */
const GRACIA_MS = 60_000;

@Injectable()
export class ReclamosRepository {
  constructor(@InjectModel(Reclamo.name) private readonly model: Model<Reclamo>) {}

  /**
   * True when this call inserted `clave`; false when it already existed, whoever holds it. For
   * one-time events ("this token was used"), where a second attempt by the same owner is a reuse.
   */
  async reclamar(clave: string, dueno: string): Promise<boolean> {
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
  async tomar(clave: string, dueno: string): Promise<boolean> {
    if (await this.reclamar(clave, dueno)) return true;
    const actual = await this.model.findById(clave, { dueno: 1 }).lean().exec();
    return actual?.dueno === dueno;
  }

  async dueno(clave: string): Promise<string | null> {
    const r = await this.model.findById(clave, { dueno: 1 }).lean().exec();
    return r?.dueno ?? null;
  }

  /** Claims every key or none: on the first refusal, releases what it took and returns that key. */
  async reclamarTodas(claves: string[], dueno: string): Promise<string | null> {
    const tomadas: string[] = [];
    for (const clave of claves) {
      if (await this.tomar(clave, dueno)) {
        tomadas.push(clave);
        continue;
      }
      await this.liberar(tomadas, dueno);
      return clave;
    }
    return null;
  }

  /**
   * Like `reclamarTodas`, but a refusing claim whose owner no longer backs it is stale (left by a
   * crash between the claim and the write it guarded, or by a draw, which keeps the claims of
   * what it closes): it is released and the claim retried once. `dueno` tells: `true` the owner
   * still holds it; `false` it may not, but only a claim older than the grace period is taken
   * (it could be a creation still in flight); `'liberable'` the owner is closed for good.
   */
  async reclamarTodasSaneando(
    claves: string[],
    dueno: string,
    vigente: (clave: string, otroDueno: string) => Promise<boolean | 'liberable'>,
    ahora = new Date(),
  ): Promise<string | null> {
    let rechazada: string | null = null;
    // One healing per key at most: a request may find every one of its keys stale.
    for (let intento = 0; intento <= claves.length; intento++) {
      rechazada = await this.reclamarTodas(claves, dueno);
      if (!rechazada) return null;
      const otro = await this.model.findById(rechazada, { dueno: 1, creadoEn: 1 }).lean().exec();
      if (!otro) continue;
      const estado = await vigente(rechazada, otro.dueno);
      const joven = ahora.getTime() - new Date(otro.creadoEn).getTime() < GRACIA_MS;
      if (estado === true || (estado === false && joven)) return rechazada;
      await this.liberar([rechazada], otro.dueno);
    }
    return rechazada;
  }

  /**
   * Takes many keys in one unordered insert; returns the keys that someone else holds. A key the
   * same owner already holds counts as taken (a re-run after a crash).
   */
  async tomarLote(pares: Array<[clave: string, dueno: string]>): Promise<Set<string>> {
    if (pares.length === 0) return new Set();
    const ahora = new Date();
    let duplicados: number[] = [];
    try {
      await this.model.collection.insertMany(
        pares.map(([clave, dueno]) => ({ _id: clave as never, dueno, creadoEn: ahora })),
        { ordered: false },
      );
    } catch (err) {
      if (!esClaveDuplicada(err)) throw err;
      const errores =
        (err as { writeErrors?: Array<{ index: number; code?: number }> }).writeErrors ?? [];
      if (errores.some((w) => w.code !== undefined && w.code !== 11000)) throw err;
      duplicados = errores.map((w) => w.index);
    }
    if (duplicados.length === 0) return new Set();
    const claves = duplicados.map((i) => pares[i][0]);
    const actuales = await this.model.collection
      .find(filtroPorTramos(ordenarIds(claves)), { projection: { dueno: 1 } })
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
  async liberarLote(claves: string[], duenos: string[]): Promise<void> {
    for (const trozo of enTrozos(claves)) {
      // The exact key match first: only the few documents it lets through pay the owners' `$in`.
      await this.model.collection.deleteMany({
        ...filtroPorTramos(ordenarIds(trozo)),
        dueno: { $in: duenos },
      });
    }
  }

  /** Housekeeping for claims that expire with what they guard (used refresh tokens, activations). */
  async purgarPrefijo(prefijo: string, antes: Date): Promise<void> {
    await borrarEnLotes(this.model.collection, {
      _id: { $regex: `^${escaparRegex(prefijo)}` } as never,
      creadoEn: { $lt: antes },
    });
  }

  /** Releases only claims still held by `dueno`, so a stale release cannot free another's claim. */
  async liberar(claves: string[], dueno: string): Promise<void> {
    if (claves.length === 0) return;
    await this.model.deleteMany({ _id: { $in: claves }, dueno }).exec();
  }
}
