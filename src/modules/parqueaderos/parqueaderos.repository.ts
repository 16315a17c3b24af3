import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, Types } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import { opcionesMasivas, type OpcionesMasivas } from 'src/core/database/limites-bd';
import { Pagina } from 'src/shared/pagination/pagina';
import { BaseRepository, Registro } from 'src/shared/repository/base.repository';
import { indicesDuplicados } from 'src/shared/utils/mongo-errors';
import {
  CambiosParqueadero,
  DatosParqueadero,
  FiltroParqueaderos,
  ParqueaderoEntidad,
  ParqueaderoParaSorteo,
} from './parqueadero.entity';
import { Parqueadero } from './schemas/parqueadero.schema';

/** The inventory is staff data with no owner: reads need no `Alcance`. */
@Injectable()
export class ParqueaderosRepository extends BaseRepository<Parqueadero, ParqueaderoEntidad> {
  private readonly masivas: OpcionesMasivas;
  /** The unique codigo index, made sure of before the first insert (see `asegurarIndice`). */
  private indice: Promise<void> | null = null;

  constructor(
    @InjectModel(Parqueadero.name) model: Model<Parqueadero>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    super(model);
    this.masivas = opcionesMasivas(db);
  }

  protected aEntidad(d: Registro<Parqueadero>): ParqueaderoEntidad {
    return {
      id: d._id.toHexString(),
      codigo: d.codigo,
      tipo: d.tipo,
      discapacidad: d.discapacidad,
      zona: d.zona ?? null,
      activo: d.activo,
      version: d.version ?? 0,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    };
  }

  buscar(id: string): Promise<ParqueaderoEntidad | null> {
    return this.leerPorId(id);
  }

  /** null when the codigo is taken: the unique index decided, on any engine. */
  async crear(datos: DatosParqueadero): Promise<ParqueaderoEntidad | null> {
    await this.asegurarIndice();
    return this.insertar({ ...datos, version: 0 });
  }

  /**
   * One unordered insertMany; the codigos another writer (or an earlier, interrupted import) got
   * in first are returned, so the caller treats those rows as updates.
   */
  async crearVarios(lista: DatosParqueadero[]): Promise<{ creados: number; tomados: string[] }> {
    if (lista.length === 0) return { creados: 0, tomados: [] };
    await this.asegurarIndice();
    const ahora = new Date();
    const docs = lista.map((d) => ({
      _id: new Types.ObjectId(),
      ...d,
      version: 0,
      createdAt: ahora,
      updatedAt: ahora,
    }));
    try {
      await this.model.collection.insertMany(docs, { ordered: false, ...this.masivas });
      return { creados: lista.length, tomados: [] };
    } catch (err) {
      const perdidos = indicesDuplicados(err);
      if (perdidos === null || perdidos.includes(-1)) throw err;
      return {
        creados: lista.length - perdidos.length,
        tomados: perdidos.map((i) => lista[i].codigo),
      };
    }
  }

  /**
   * Writes version `version + 1` over `version`: only the winner of that version's claim (or one
   * rolling its change forward) calls this, and the filter makes a repeat or a late call a no-op.
   */
  async aplicarVersion(id: string, version: number, cambios: CambiosParqueadero): Promise<void> {
    await this.model
      .updateOne(
        { _id: new Types.ObjectId(id), version },
        { $set: { ...cambios, version: version + 1 } },
      )
      .exec();
  }

  /**
   * Every spot, in one pass: the import matches a whole file against it. A complex has at most a
   * few thousand spots, and on FerretDB a `$in` of thousands of codigos would walk its list for
   * every document anyway.
   */
  async todosPorCodigo(): Promise<Map<string, ParqueaderoEntidad>> {
    const docs = await this.model.find({}).lean<Registro<Parqueadero>[]>().exec();
    return new Map(docs.map((d) => [d.codigo, this.aEntidad(d)]));
  }

  async activosParaSorteo(): Promise<ParqueaderoParaSorteo[]> {
    const docs = await this.model
      .find({ activo: true }, { codigo: 1, tipo: 1, discapacidad: 1 })
      .lean<Array<Pick<Parqueadero, 'codigo' | 'tipo' | 'discapacidad'>>>()
      .exec();
    return docs.map((d) => ({ codigo: d.codigo, tipo: d.tipo, discapacidad: d.discapacidad }));
  }

  listar(
    filtro: FiltroParqueaderos,
    page: number,
    limit: number,
  ): Promise<Pagina<ParqueaderoEntidad>> {
    const f: FilterQuery<Parqueadero> = {};
    if (filtro.tipo !== undefined) f.tipo = filtro.tipo;
    if (filtro.discapacidad !== undefined) f.discapacidad = filtro.discapacidad;
    if (filtro.activo !== undefined) f.activo = filtro.activo;
    if (filtro.zona !== undefined) f.zona = filtro.zona;
    return this.paginar(f, page, limit, { orden: { codigo: 1 } });
  }

  /**
   * autoIndex builds the index in the background when the app starts; an insert that ran before
   * it exists could let a duplicate codigo in. Awaited once per process, retried after a failure.
   */
  private asegurarIndice(): Promise<void> {
    this.indice ??= this.model
      .createIndexes()
      .then(() => undefined)
      .catch((err: unknown) => {
        this.indice = null;
        throw err;
      });
    return this.indice;
  }
}
