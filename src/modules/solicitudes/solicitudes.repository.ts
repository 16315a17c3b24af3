import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, Types } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import { cursorMasivo, type CursorMasivo } from 'src/core/database/limites-bd';
import { Pagina } from 'src/shared/pagination/pagina';
import { Alcance } from 'src/shared/repository/alcance';
import { BaseRepository, Registro } from 'src/shared/repository/base.repository';
import { filtroPorTramos, ordenarIds } from 'src/shared/repository/filtro-por-tramos';
import {
  EntradaHistorial,
  EstadoSolicitud,
  SolicitudEntidad,
  SolicitudParaSorteo,
} from './solicitud.entity';
import { Solicitud } from './schemas/solicitud.schema';

export interface FiltroSolicitudes {
  estado?: EstadoSolicitud;
  tipo?: 'carro' | 'moto';
  torre?: string;
  residenteId?: string;
  sorteoId?: string;
}

export interface CambioSolicitud {
  version: number;
  estado: EstadoSolicitud;
  motivo: string | null;
  entrada: EntradaHistorial;
}

/** A stored solicitud as it is, for a bulk job that writes its next version whole. */
export type DocumentoSolicitud = Readonly<Record<string, unknown>>;

export interface SolicitudLeida {
  entidad: SolicitudEntidad;
  documento: DocumentoSolicitud;
}

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

function historialDoc(e: EntradaHistorial) {
  return {
    estado: e.estado,
    fecha: e.fecha,
    usuarioId: e.usuarioId ? oid(e.usuarioId) : null,
    motivo: e.motivo,
  };
}

@Injectable()
export class SolicitudesRepository extends BaseRepository<Solicitud, SolicitudEntidad> {
  /** The draw's and the annulment's walks over their solicitudes. */
  private readonly cursor: CursorMasivo;
  private readonly limiteListas: number;

  constructor(
    @InjectModel(Solicitud.name) model: Model<Solicitud>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    super(model);
    this.cursor = cursorMasivo(db);
    this.limiteListas = db.listaTimeoutMs;
  }

  protected aEntidad(d: Registro<Solicitud>): SolicitudEntidad {
    return {
      id: d._id.toHexString(),
      residenteId: d.residenteId.toHexString(),
      unidad: { torre: d.unidad.torre, apartamento: d.unidad.apartamento },
      vehiculo: { placa: d.vehiculo.placa, tipo: d.vehiculo.tipo },
      observaciones: d.observaciones ?? null,
      estado: d.estado,
      motivo: d.motivo ?? null,
      sorteoId: d.sorteoId ? d.sorteoId.toHexString() : null,
      parqueadero: d.parqueadero ?? null,
      posicionEspera: d.posicionEspera ?? null,
      version: d.version,
      historial: (d.historial ?? []).map((h) => ({
        estado: h.estado,
        fecha: h.fecha,
        usuarioId: h.usuarioId ? h.usuarioId.toHexString() : null,
        motivo: h.motivo ?? null,
      })),
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    };
  }

  idNuevo(): string {
    return this.nuevoId().toHexString();
  }

  async crear(s: Omit<SolicitudEntidad, 'createdAt' | 'updatedAt'>): Promise<SolicitudEntidad> {
    const creada = await this.insertar({
      _id: oid(s.id),
      residenteId: oid(s.residenteId),
      unidad: s.unidad,
      vehiculo: s.vehiculo,
      observaciones: s.observaciones,
      estado: s.estado,
      motivo: s.motivo,
      sorteoId: null,
      parqueadero: null,
      posicionEspera: null,
      version: s.version,
      historial: s.historial.map(historialDoc),
    });
    if (!creada) throw new Error(`solicitud ${s.id} ya existe`);
    return creada;
  }

  buscar(id: string, alcance: Alcance): Promise<SolicitudEntidad | null> {
    const filtro: FilterQuery<Solicitud> = { _id: oid(id) };
    if (alcance.tipo === 'residente') filtro.residenteId = oid(alcance.residenteId);
    return this.buscarUno(filtro);
  }

  /**
   * Many solicitudes in one read, by `_id` in runs (filtro-por-tramos.ts): one scan of the
   * collection on FerretDB however many ids. `ids` must be valid ObjectIds.
   */
  async buscarVarias(ids: readonly string[]): Promise<Map<string, SolicitudLeida>> {
    const leidas = new Map<string, SolicitudLeida>();
    if (ids.length === 0) return leidas;
    const filtro = filtroPorTramos(ordenarIds([...new Set(ids)].map(oid)));
    for await (const d of this.model.collection.find(filtro, this.cursor)) {
      const entidad = this.aEntidad(d as unknown as Registro<Solicitud>);
      leidas.set(entidad.id, { entidad, documento: d });
    }
    return leidas;
  }

  listar(
    f: FiltroSolicitudes,
    alcance: Alcance,
    page: number,
    limit: number,
  ): Promise<Pagina<SolicitudEntidad>> {
    const filtro: FilterQuery<Solicitud> = {};
    if (f.estado) filtro.estado = f.estado;
    if (f.tipo) filtro['vehiculo.tipo'] = f.tipo;
    if (f.torre) filtro['unidad.torre'] = f.torre;
    if (f.sorteoId) filtro.sorteoId = oid(f.sorteoId);
    if (alcance.tipo === 'residente') {
      // A resident filtering by someone else's id asks for the intersection: nothing.
      if (f.residenteId && f.residenteId !== alcance.residenteId)
        return Promise.resolve({ data: [], meta: { total: 0, page, limit } });
      filtro.residenteId = oid(alcance.residenteId);
    } else if (f.residenteId) {
      filtro.residenteId = oid(f.residenteId);
    }
    return this.paginar(filtro, page, limit, { timeoutMS: this.limiteListas });
  }

  /**
   * A resident's few solicitudes by primary key, unscoped (the caller checks the owner,
   * solicitudes-de-residente.ts). One `{_id: {$in}}` and nothing else, the shape the project's
   * FerretDB build serves from the `_id` index (docs/ferretdb.md, the `_id` patch); for the
   * draw's thousands of ids, `buscarVarias`.
   */
  async porIds(ids: readonly string[]): Promise<SolicitudEntidad[]> {
    const validos = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));
    if (validos.length === 0) return [];
    const docs = await this.model.collection.find({ _id: { $in: validos.map(oid) } }).toArray();
    return docs.map((d) => this.aEntidad(d as unknown as Registro<Solicitud>));
  }

  /** Every solicitud's id and owner: the start-up backfill of the residents' pointers. */
  async duenos(): Promise<Array<{ id: string; residenteId: string }>> {
    // A bulk job's cursor: the whole collection, so the per-batch limit, not the request one.
    const cursor = this.model
      .find({}, { residenteId: 1 })
      .lean<Array<{ _id: Types.ObjectId; residenteId: Types.ObjectId }>>()
      .cursor({ batchSize: 1000, ...this.cursor });
    const duenos: Array<{ id: string; residenteId: string }> = [];
    for await (const d of cursor as AsyncIterable<{
      _id: Types.ObjectId;
      residenteId: Types.ObjectId;
    }>)
      duenos.push({ id: d._id.toHexString(), residenteId: d.residenteId.toHexString() });
    return duenos;
  }

  /** Every solicitud id of one resident, any estado: a projection of `_id` only. */
  async idsDeResidente(residenteId: string): Promise<string[]> {
    const docs = await this.model
      .find({ residenteId: oid(residenteId) }, { _id: 1 })
      .lean<Array<{ _id: Types.ObjectId }>>()
      .exec();
    return docs.map((d) => d._id.toHexString());
  }

  async abiertasDeResidente(residenteId: string): Promise<SolicitudEntidad[]> {
    const docs = await this.model
      .find({ residenteId: oid(residenteId), estado: { $in: ['pendiente', 'aprobada'] } })
      .lean<Registro<Solicitud>[]>()
      .exec();
    return docs.map((d) => this.aEntidad(d));
  }

  /**
   * Writes a change already won by its claim. The whole historial is set rather than pushed, so a
   * roll-forward racing the winner writes the same document twice instead of a duplicate entry.
   */
  async aplicar(
    s: SolicitudEntidad,
    c: CambioSolicitud,
    extra: Partial<Pick<SolicitudEntidad, 'sorteoId' | 'parqueadero' | 'posicionEspera'>> = {},
  ): Promise<void> {
    const $set: Record<string, unknown> = {
      estado: c.estado,
      motivo: c.motivo,
      version: c.version,
      historial: [...s.historial, c.entrada].map(historialDoc),
    };
    if (extra.sorteoId !== undefined) $set.sorteoId = extra.sorteoId ? oid(extra.sorteoId) : null;
    if (extra.parqueadero !== undefined) $set.parqueadero = extra.parqueadero;
    if (extra.posicionEspera !== undefined) $set.posicionEspera = extra.posicionEspera;
    await this.model.updateOne({ _id: oid(s.id), version: c.version - 1 }, { $set }).exec();
  }

  /** Approved solicitudes in batches: lean cursor, only the fields the draw reads. */
  async *aprobadas(porBloque: number): AsyncGenerator<SolicitudParaSorteo[]> {
    const cursor = this.model
      .find({ estado: 'aprobada' }, { residenteId: 1, unidad: 1, vehiculo: 1, version: 1 })
      .lean<Registro<Solicitud>[]>()
      .cursor({ batchSize: porBloque, ...this.cursor });
    let buffer: SolicitudParaSorteo[] = [];
    for await (const d of cursor as AsyncIterable<Registro<Solicitud>>) {
      buffer.push({
        id: d._id.toHexString(),
        version: d.version,
        residenteId: d.residenteId.toHexString(),
        unidad: { torre: d.unidad.torre, apartamento: d.unidad.apartamento },
        vehiculo: { placa: d.vehiculo.placa, tipo: d.vehiculo.tipo },
      });
      if (buffer.length >= porBloque) {
        yield buffer;
        buffer = [];
      }
    }
    if (buffer.length > 0) yield buffer;
  }

  async *deSorteo(sorteoId: string, porGrupo: number): AsyncGenerator<SolicitudEntidad[]> {
    const cursor = this.model
      .find({ sorteoId: oid(sorteoId), estado: { $in: ['asignada', 'no_asignada'] } })
      .lean<Registro<Solicitud>[]>()
      .cursor({ batchSize: porGrupo, ...this.cursor });
    let buffer: SolicitudEntidad[] = [];
    for await (const d of cursor as AsyncIterable<Registro<Solicitud>>) {
      buffer.push(this.aEntidad(d));
      if (buffer.length >= porGrupo) {
        yield buffer;
        buffer = [];
      }
    }
    if (buffer.length > 0) yield buffer;
  }
}
