import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import { opcionesMasivas } from 'src/core/database/limites-bd';
import { AlmacenDeBloques } from 'src/shared/repository/almacen-bloques';
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

@Injectable()
export class ConvocatoriasRepository {
  private readonly almacen: AlmacenDeBloques<ItemsConvocatoria, BloqueConvocatoriaDoc>;

  constructor(
    @InjectModel(ConvocatoriaDoc.name) private readonly cabeceras: Model<ConvocatoriaDoc>,
    @InjectModel(SecretoConvocatoriaDoc.name)
    private readonly secretos: Model<SecretoConvocatoriaDoc>,
    @InjectModel(CierrePendienteDoc.name) private readonly cierres: Model<CierrePendienteDoc>,
    @InjectModel(BloqueConvocatoriaDoc.name) bloques: Model<BloqueConvocatoriaDoc>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    const forma = {
      campoDueno: 'convocatoriaId',
      letras: LETRA,
      mapeadores: MAPEADORES,
      // Frozen lines are plain values, and a close's cost is mostly storing them.
      comoTexto: true,
      de: 'de la convocatoria',
    };
    this.almacen = new AlmacenDeBloques<ItemsConvocatoria, BloqueConvocatoriaDoc>(
      bloques,
      forma,
      opcionesMasivas(db),
    );
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

  insertarBloques<T extends TipoBloqueConvocatoria>(
    convocatoriaId: string,
    tipo: T,
    items: readonly ItemsConvocatoria[T][],
    tamano: number,
  ): Promise<number> {
    return this.almacen.insertar(convocatoriaId, tipo, items, tamano);
  }

  leerBloque<T extends TipoBloqueConvocatoria>(
    convocatoriaId: string,
    tipo: T,
    indice: number,
  ): Promise<ItemsConvocatoria[T][]> {
    return this.almacen.leer(convocatoriaId, tipo, indice);
  }

  todos<T extends TipoBloqueConvocatoria>(
    convocatoriaId: string,
    tipo: T,
    cantidad: number,
  ): Promise<ItemsConvocatoria[T][]> {
    return this.almacen.todos(convocatoriaId, tipo, cantidad);
  }

  /** Undo of an aborted close, or leftovers before a new one: idempotent. */
  borrarBloques(convocatoriaId: string): Promise<void> {
    return this.almacen.borrar(convocatoriaId);
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
