import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, Types } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import {
  cursorMasivo,
  opcionesMasivas,
  type CursorMasivo,
  type OpcionesMasivas,
} from 'src/core/database/limites-bd';
import { Pagina } from 'src/shared/pagination/pagina';
import { Alcance, alcanzaA } from 'src/shared/repository/alcance';
import { BaseRepository, Registro } from 'src/shared/repository/base.repository';
import { filtroPorTramos, ordenarIds } from 'src/shared/repository/filtro-por-tramos';
import { indicesDuplicados } from 'src/shared/utils/mongo-errors';
import { escaparRegex } from 'src/shared/utils/regex';
import {
  AtributosSorteoResidente,
  CambiosResidente,
  DatosResidente,
  FiltroResidentes,
  ResidenteEntidad,
} from './residente.entity';
import { CuentaResidente, EstadoRegistro, Residente } from './schemas/residente.schema';

@Injectable()
export class ResidentesRepository extends BaseRepository<Residente, ResidenteEntidad> {
  /** The draw's walk over every resident. */
  private readonly cursor: CursorMasivo;
  private readonly limiteListas: number;
  /** An import's one read of every resident and its insertMany. */
  private readonly masivas: OpcionesMasivas;

  constructor(
    @InjectModel(Residente.name) model: Model<Residente>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    super(model);
    this.cursor = cursorMasivo(db);
    this.limiteListas = db.listaTimeoutMs;
    this.masivas = opcionesMasivas(db);
  }

  protected aEntidad(d: Registro<Residente>): ResidenteEntidad {
    return {
      id: d._id.toHexString(),
      nombre: d.nombre,
      documento: { tipo: d.documento.tipo, numero: d.documento.numero },
      email: d.email ?? null,
      telefono: d.telefono ?? null,
      torre: d.torre,
      apartamento: d.apartamento,
      tipo: d.tipo,
      fechaIngreso: d.fechaIngreso ?? null,
      fechaNacimiento: d.fechaNacimiento ?? null,
      discapacidad: d.discapacidad,
      alDia: d.alDia,
      activo: d.activo,
      cuenta: d.cuenta,
      registro: d.registro ?? null,
      version: d.version ?? 0,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    };
  }

  /** The resident `id`, if `alcance` reaches it (a resident reaches only themself). */
  async buscar(id: string, alcance: Alcance): Promise<ResidenteEntidad | null> {
    return alcanzaA(alcance, id) ? this.leerPorId(id) : null;
  }

  idNuevo(): string {
    return this.nuevoId().toHexString();
  }

  async crear(
    id: string,
    datos: DatosResidente,
    cuenta: CuentaResidente,
    registro: EstadoRegistro | null = null,
  ): Promise<ResidenteEntidad> {
    const creado = await this.insertar({ _id: new Types.ObjectId(id), ...datos, cuenta, registro });
    if (!creado) throw new Error(`residente ${id} ya existe`);
    return creado;
  }

  /**
   * New residents in one unordered insertMany, each with the id its documento claim names: the
   * claims were won first, so no other writer creates these. Ids already stored (a repeat) are
   * skipped, not an error.
   */
  async crearVarios(
    lista: ReadonlyArray<{ id: string; datos: DatosResidente; cuenta: CuentaResidente }>,
  ): Promise<void> {
    if (lista.length === 0) return;
    const ahora = new Date();
    const docs = lista.map(({ id, datos, cuenta }) => ({
      _id: new Types.ObjectId(id),
      ...datos,
      cuenta,
      version: 0,
      createdAt: ahora,
      updatedAt: ahora,
    }));
    try {
      await this.model.collection.insertMany(docs, { ordered: false, ...this.masivas });
    } catch (err) {
      if (indicesDuplicados(err) === null) throw err;
    }
  }

  /**
   * Every resident in one pass, by documento claim key: an import matches a whole file against
   * it (on FerretDB a filter on thousands of documentos would walk the collection anyway).
   */
  async todosPorDocumento(
    clave: (tipo: string, numero: string) => string,
  ): Promise<Map<string, ResidenteEntidad>> {
    // The driver's find: the bulk time limit, which a Mongoose query does not pass on.
    const docs = (await this.model.collection.find({}, this.masivas).toArray()) as unknown as Array<
      Registro<Residente>
    >;
    return new Map(
      docs.map((d) => [clave(d.documento.tipo, d.documento.numero), this.aEntidad(d)]),
    );
  }

  /**
   * Writes version `version + 1` over `version`: only the winner of that version's claim (or one
   * rolling its change forward) calls this, and the filter makes a repeat or a late call a no-op.
   */
  async aplicarVersion(id: string, version: number, cambios: CambiosResidente): Promise<void> {
    const filtro: FilterQuery<Residente> = { _id: new Types.ObjectId(id) };
    // Residents stored before versions existed have no field: they are at version 0.
    if (version === 0) filtro.$or = [{ version: 0 }, { version: { $exists: false } }];
    else filtro.version = version;
    await this.model.updateOne(filtro, { $set: { ...cambios, version: version + 1 } }).exec();
  }

  async eliminarDefinitivo(id: string): Promise<void> {
    await this.model.deleteOne({ _id: new Types.ObjectId(id) }).exec();
  }

  /**
   * Which of `ids` are residents not al día: one read by `_id` (an index read on MongoDB and on
   * the project's FerretDB build, docs/ferretdb.md), so a bulk approval of 1,000 solicitudes reads
   * its own residents, not a scan of all of them.
   */
  async idsEnMora(ids: readonly string[]): Promise<Set<string>> {
    const validos = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));
    if (validos.length === 0) return new Set();
    const filtro = filtroPorTramos(ordenarIds(validos.map((id) => new Types.ObjectId(id))));
    const docs = await this.model.collection
      .find({ ...filtro, alDia: false }, { projection: { _id: 1 }, ...this.cursor })
      .toArray();
    return new Set(docs.map((d) => String(d._id)));
  }

  /** Every resident's draw-relevant attributes in one lean, projected pass (no per-id round trips). */
  async atributosParaSorteo(): Promise<Map<string, AtributosSorteoResidente>> {
    const mapa = new Map<string, AtributosSorteoResidente>();
    const cursor = this.model
      .find(
        {},
        { nombre: 1, discapacidad: 1, fechaNacimiento: 1, fechaIngreso: 1, alDia: 1, activo: 1 },
      )
      .lean<Array<Registro<Residente>>>()
      .cursor({ batchSize: 2000, ...this.cursor });
    for await (const d of cursor as AsyncIterable<Registro<Residente>>) {
      mapa.set(d._id.toHexString(), {
        id: d._id.toHexString(),
        nombre: d.nombre,
        discapacidad: d.discapacidad,
        fechaNacimiento: d.fechaNacimiento ?? null,
        fechaIngreso: d.fechaIngreso ?? null,
        alDia: d.alDia,
        activo: d.activo,
      });
    }
    return mapa;
  }

  listar(filtro: FiltroResidentes, page: number, limit: number): Promise<Pagina<ResidenteEntidad>> {
    const f: FilterQuery<Residente> = {};
    if (filtro.torre !== undefined) f.torre = filtro.torre;
    if (filtro.apartamento !== undefined) f.apartamento = filtro.apartamento;
    if (filtro.activo !== undefined) f.activo = filtro.activo;
    if (filtro.alDia !== undefined) f.alDia = filtro.alDia;
    if (filtro.registro !== undefined) f.registro = filtro.registro;
    if (filtro.q) {
      const patron = { $regex: escaparRegex(filtro.q), $options: 'i' };
      f.$or = [{ nombre: patron }, { 'documento.numero': patron }];
    }
    return this.paginar(f, page, limit, { timeoutMS: this.limiteListas });
  }
}
