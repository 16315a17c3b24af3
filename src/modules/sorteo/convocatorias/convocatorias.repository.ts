import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import { opcionesMasivas, type OpcionesMasivas } from 'src/core/database/limites-bd';
import type { Pagina } from 'src/shared/pagination/pagina';
import type {
  Cancelada,
  Convocatoria,
  ItemsConvocatoria,
  PublicadoAlCierre,
  TipoBloqueConvocatoria,
} from './convocatoria.entity';
import { aParqueadero, aPublicado, MAPEADORES } from './convocatoria-crudo';
import {
  BloqueConvocatoriaDoc,
  CierrePendienteDoc,
  ConvocatoriaDoc,
  SecretoConvocatoriaDoc,
} from './schemas/convocatoria.schema';

type Doc = ConvocatoriaDoc & { _id: Types.ObjectId };

const LETRA: Record<TipoBloqueConvocatoria, string> = {
  participantes: 'p',
  excluidas: 'e',
  parqueaderos: 's',
};
const BLOQUES_POR_INSERCION = 8;

export function idBloqueConvocatoria(
  convocatoriaId: string,
  tipo: TipoBloqueConvocatoria,
  indice: number,
): string {
  return `${convocatoriaId}:${LETRA[tipo]}:${indice}`;
}

@Injectable()
export class ConvocatoriasRepository {
  private readonly masivo: OpcionesMasivas;

  constructor(
    @InjectModel(ConvocatoriaDoc.name) private readonly cabeceras: Model<ConvocatoriaDoc>,
    @InjectModel(SecretoConvocatoriaDoc.name)
    private readonly secretos: Model<SecretoConvocatoriaDoc>,
    @InjectModel(CierrePendienteDoc.name) private readonly cierres: Model<CierrePendienteDoc>,
    @InjectModel(BloqueConvocatoriaDoc.name)
    private readonly bloques: Model<BloqueConvocatoriaDoc>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    this.masivo = opcionesMasivas(db);
  }

  idNuevo(): string {
    return new Types.ObjectId().toHexString();
  }

  async insertar(c: Convocatoria): Promise<void> {
    await this.cabeceras.create({
      _id: new Types.ObjectId(c.id),
      idSorteo: c.idSorteo,
      nombre: c.nombre,
      estado: c.estado,
      fechaSorteo: c.fechaSorteo,
      vigencia: c.vigencia,
      fuentesPublicas: c.fuentesPublicas.map((f) => ({ descripcion: f.descripcion })),
      parqueaderos: c.parqueaderos.map(aParqueadero),
      sorteoId: null,
      cancelada: null,
      creadaPor: c.creadaPor,
      createdAt: c.createdAt,
    });
  }

  async buscar(id: string): Promise<Convocatoria | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const d = await this.cabeceras.findById(id).lean<Doc>().exec();
    return d ? aConvocatoria(d) : null;
  }

  /** The convocatoria that reserved this draw id, if any (a small collection: a scan is cheap). */
  async porIdSorteo(idSorteo: string): Promise<Convocatoria | null> {
    const d = await this.cabeceras.findOne({ idSorteo }).lean<Doc>().exec();
    return d ? aConvocatoria(d) : null;
  }

  async listar(page: number, limit: number): Promise<Pagina<Convocatoria>> {
    const [docs, total] = await Promise.all([
      this.cabeceras
        .find({})
        .sort({ createdAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<Doc[]>()
        .exec(),
      this.cabeceras.countDocuments({}).exec(),
    ]);
    return { data: docs.map(aConvocatoria), meta: { total, page, limit } };
  }

  /** Idempotent: every writer of a confirmed close writes the same record. */
  async publicarCierre(id: string, p: PublicadoAlCierre): Promise<void> {
    await this.cabeceras
      .updateOne({ _id: new Types.ObjectId(id) }, { $set: { estado: 'cerrada', ...copia(p) } })
      .exec();
  }

  async marcarEjecutada(id: string, sorteoId: string): Promise<void> {
    await this.cabeceras
      .updateOne({ _id: new Types.ObjectId(id) }, { $set: { estado: 'ejecutada', sorteoId } })
      .exec();
  }

  async marcarCancelada(id: string, c: Cancelada): Promise<void> {
    const cancelada = { motivo: c.motivo, por: c.por, fecha: c.fecha };
    await this.cabeceras
      .updateOne({ _id: new Types.ObjectId(id) }, { $set: { estado: 'cancelada', cancelada } })
      .exec();
  }

  async guardarCierrePendiente(id: string, p: PublicadoAlCierre): Promise<void> {
    await this.cierres.replaceOne({ _id: id }, { publicado: copia(p) }, { upsert: true }).exec();
  }

  async cierrePendiente(id: string): Promise<PublicadoAlCierre | null> {
    const d = await this.cierres.findById(id).lean<CierrePendienteDoc>().exec();
    return d ? aPublicado(d.publicado) : null;
  }

  async borrarCierrePendiente(id: string): Promise<void> {
    await this.cierres.deleteOne({ _id: id }).exec();
  }

  async guardarSecreto(id: string, secreto: string): Promise<void> {
    await this.secretos.replaceOne({ _id: id }, { secreto }, { upsert: true }).exec();
  }

  /** Only the draw calls this: no other path reads the secret before it is published. */
  async secreto(id: string): Promise<string | null> {
    const d = await this.secretos.findById(id).lean<SecretoConvocatoriaDoc>().exec();
    return d?.secreto ?? null;
  }

  async borrarSecreto(id: string): Promise<void> {
    await this.secretos.deleteOne({ _id: id }).exec();
  }

  async insertarBloques<T extends TipoBloqueConvocatoria>(
    convocatoriaId: string,
    tipo: T,
    items: readonly ItemsConvocatoria[T][],
    tamano: number,
  ): Promise<number> {
    const docs: BloqueConvocatoriaDoc[] = [];
    for (let i = 0; i * tamano < items.length; i++) {
      docs.push({
        _id: idBloqueConvocatoria(convocatoriaId, tipo, i),
        convocatoriaId,
        items: items.slice(i * tamano, (i + 1) * tamano),
      });
    }
    for (let i = 0; i < docs.length; i += BLOQUES_POR_INSERCION) {
      await this.bloques.insertMany(docs.slice(i, i + BLOQUES_POR_INSERCION), {
        ordered: false,
        lean: true,
        ...this.masivo,
      });
    }
    return docs.length;
  }

  async leerBloque<T extends TipoBloqueConvocatoria>(
    convocatoriaId: string,
    tipo: T,
    indice: number,
  ): Promise<ItemsConvocatoria[T][]> {
    const id = idBloqueConvocatoria(convocatoriaId, tipo, indice);
    const d = await this.bloques.findById(id, { items: 1 }).lean<{ items?: unknown }>().exec();
    if (!d || !Array.isArray(d.items)) throw new Error(`Falta el bloque ${id} de la convocatoria`);
    const mapear: (v: unknown) => ItemsConvocatoria[T] = MAPEADORES[tipo];
    return d.items.map(mapear);
  }

  async todos<T extends TipoBloqueConvocatoria>(
    convocatoriaId: string,
    tipo: T,
    cantidad: number,
  ): Promise<ItemsConvocatoria[T][]> {
    const todos: ItemsConvocatoria[T][] = [];
    for (let i = 0; i < cantidad; i++) {
      for (const item of await this.leerBloque(convocatoriaId, tipo, i)) todos.push(item);
    }
    return todos;
  }

  /** Undo of an aborted close, or leftovers before a new one: idempotent. */
  async borrarBloques(convocatoriaId: string): Promise<void> {
    await this.bloques.deleteMany({ convocatoriaId }).setOptions(this.masivo).exec();
  }
}

function copia(p: PublicadoAlCierre): Record<string, unknown> {
  return {
    cerradaEn: p.cerradaEn,
    config: { ...p.config, pesos: { ...p.config.pesos }, niveles: { ...p.config.niveles } },
    insumosHash: p.insumosHash,
    compromisoServidor: p.compromisoServidor,
    resumen: {
      participantes: { ...p.resumen.participantes },
      parqueaderos: { ...p.resumen.parqueaderos },
      excluidos: p.resumen.excluidos,
    },
    tamanoBloque: p.tamanoBloque,
    bloques: { ...p.bloques },
    primeros: [...p.primeros],
  };
}

function aConvocatoria(d: Doc): Convocatoria {
  const v = d.vigencia;
  const c = d.cancelada;
  return {
    id: d._id.toHexString(),
    idSorteo: d.idSorteo,
    nombre: d.nombre,
    estado: d.estado,
    fechaSorteo: d.fechaSorteo,
    vigencia: v ? { desde: new Date(v.desde), hasta: new Date(v.hasta) } : null,
    fuentesPublicas: d.fuentesPublicas.map((f) => ({ descripcion: f.descripcion })),
    parqueaderos: d.parqueaderos.map(aParqueadero),
    cierre: d.cerradaEn ? aPublicado(d) : null,
    sorteoId: d.sorteoId ?? null,
    cancelada: c ? { motivo: c.motivo, por: c.por, fecha: new Date(c.fecha) } : null,
    creadaPor: d.creadaPor,
    createdAt: d.createdAt,
  };
}
