import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { BaseRepository, Registro } from 'src/shared/repository/base.repository';
import type { Pagina } from 'src/shared/pagination/pagina';
import { esClaveDuplicada, indicesDuplicados } from 'src/shared/utils/mongo-errors';
import {
  EstadoNotificacion,
  NotificacionDoc,
  ReclamoEnvioDoc,
  SorteoNotificadoDoc,
} from './schemas/notificacion.schema';

export type Notificacion = Omit<NotificacionDoc, '_id'> & { id: string };

export type ResumenNotificacion = Omit<Notificacion, 'texto' | 'html'>;

const SIN_CUERPO = { texto: 0, html: 0 } as const;

@Injectable()
export class NotificacionesRepository extends BaseRepository<NotificacionDoc, ResumenNotificacion> {
  private indices: Promise<void> | null = null;

  constructor(
    @InjectModel(NotificacionDoc.name) model: Model<NotificacionDoc>,
    @InjectModel(ReclamoEnvioDoc.name) private readonly reclamos: Model<ReclamoEnvioDoc>,
    @InjectModel(SorteoNotificadoDoc.name) private readonly sorteos: Model<SorteoNotificadoDoc>,
  ) {
    super(model);
  }

  protected aEntidad(doc: Registro<NotificacionDoc>): ResumenNotificacion {
    const d = doc as unknown as NotificacionDoc;
    return {
      id: d._id,
      tipo: d.tipo,
      destinatario: d.destinatario,
      asunto: d.asunto,
      confidencial: d.confidencial,
      estado: d.estado,
      intentos: d.intentos,
      proximoIntento: d.proximoIntento,
      venceEn: d.venceEn,
      creadaEn: d.creadaEn,
      enviadaEn: d.enviadaEn,
      ultimoError: d.ultimoError,
    };
  }

  /** Inserts the new ones; keys already present are left as they are. Returns the new ones. */
  async insertarVarias(docs: NotificacionDoc[]): Promise<NotificacionDoc[]> {
    if (docs.length === 0) return [];
    try {
      await this.model.collection.insertMany(docs as never[], { ordered: false });
      return docs;
    } catch (err) {
      const repetidas = indicesDuplicados(err);
      if (repetidas === null) throw err;
      const fuera = new Set(repetidas);
      return docs.filter((_, i) => !fuera.has(i));
    }
  }

  async existentes(claves: string[]): Promise<Set<string>> {
    if (claves.length === 0) return new Set();
    const docs = await this.model
      .find({ _id: { $in: claves } }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return new Set(docs.map((d) => d._id));
  }

  /**
   * Every pending message, bodies included: the start-up sweep queues again what a crash left
   * between the record's insert and its queue entry. One read of the collection per start.
   */
  async pendientes(): Promise<NotificacionDoc[]> {
    return this.model.find({ estado: 'pendiente' }).lean<NotificacionDoc[]>().exec();
  }

  async estado(id: string): Promise<EstadoNotificacion | null> {
    const d = await this.model.findById(id, { estado: 1 }).lean<{ estado: EstadoNotificacion }>();
    return d?.estado ?? null;
  }

  async buscarCompleta(id: string): Promise<NotificacionDoc | null> {
    return this.model.findById(id).lean<NotificacionDoc>().exec();
  }

  /** Insert-arbitrated: true for the one sender that owns this attempt. */
  async reclamar(id: string, intento: number, instancia: string, fecha: Date): Promise<boolean> {
    try {
      await this.reclamos.collection.insertOne({
        _id: `${id}:${intento}`,
        instancia,
        fecha,
      } as never);
      return true;
    } catch (err) {
      if (esClaveDuplicada(err)) return false;
      throw err;
    }
  }

  async fechaReclamo(id: string, intento: number): Promise<Date | null> {
    const r = await this.reclamos
      .findById(`${id}:${intento}`, { fecha: 1 })
      .lean<{ fecha: Date }>()
      .exec();
    return r?.fecha ?? null;
  }

  /**
   * Written only by the owners of these attempts, grouped by attempt number. `enviada` is final:
   * the failure update below never matches it, so a slower owner of an older attempt cannot move
   * it back.
   */
  async marcarEnviadas(lista: Array<{ id: string; intento: number }>, fecha: Date): Promise<void> {
    const porIntento = new Map<number, string[]>();
    for (const e of lista) porIntento.set(e.intento, [...(porIntento.get(e.intento) ?? []), e.id]);
    for (const [intento, ids] of porIntento) {
      await this.model
        .updateMany(
          { _id: { $in: ids } },
          { $set: { estado: 'enviada', intentos: intento, enviadaEn: fecha, ultimoError: null } },
        )
        .exec();
    }
  }

  async marcarFallo(
    id: string,
    intento: number,
    cambios: { estado: EstadoNotificacion; proximoIntento: Date; ultimoError: string },
  ): Promise<void> {
    await this.model
      .updateOne({ _id: id, estado: 'pendiente' }, { $set: { intentos: intento, ...cambios } })
      .exec();
  }

  async buscarResumen(id: string): Promise<ResumenNotificacion | null> {
    const doc = await this.model.findById(id, SIN_CUERPO).lean<Registro<NotificacionDoc>>().exec();
    return doc ? this.aEntidad(doc) : null;
  }

  /** fallida → pendiente with a fresh window. Idempotent: every caller writes the same values. */
  async reabrir(id: string, ahora: Date, venceEn: Date): Promise<void> {
    await this.model
      .updateOne(
        { _id: id, estado: 'fallida' },
        { $set: { estado: 'pendiente', proximoIntento: ahora, venceEn } },
      )
      .exec();
  }

  listar(
    filtro: { estado?: EstadoNotificacion; destinatario?: string },
    page: number,
    limit: number,
  ): Promise<Pagina<ResumenNotificacion>> {
    const f: FilterQuery<NotificacionDoc> = {};
    if (filtro.estado) f.estado = filtro.estado;
    if (filtro.destinatario) f.destinatario = filtro.destinatario;
    return this.paginar(f, page, limit, {
      orden: { creadaEn: -1, _id: 1 },
      proyeccion: SIN_CUERPO,
    });
  }

  async sorteoNotificado(sorteoId: string): Promise<boolean> {
    return (await this.sorteos.exists({ _id: sorteoId }).exec()) !== null;
  }

  async marcarSorteoNotificado(sorteoId: string, mensajes: number): Promise<void> {
    try {
      await this.sorteos.collection.insertOne({
        _id: sorteoId,
        mensajes,
        fecha: new Date(),
      } as never);
    } catch (err) {
      if (!esClaveDuplicada(err)) throw err;
    }
  }

  /** The listing's indexes; awaited once per process (the outbox works without them, only slower). */
  asegurarIndices(): Promise<void> {
    this.indices ??= this.model
      .createIndexes()
      .then(() => undefined)
      .catch((err: unknown) => {
        this.indices = null;
        throw err;
      });
    return this.indices;
  }
}
