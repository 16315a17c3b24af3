import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import { opcionesMasivas } from 'src/core/database/limites-bd';
import { AlmacenDeBloques } from 'src/shared/repository/almacen-bloques';
import type { Unidad } from 'src/shared/dominio/vocabulario';
import type { Pagina } from 'src/shared/pagination/pagina';
import { copiarConfig } from 'src/shared/dominio/config-prioridad';
import type { ParqueaderoEntrada } from './core/tipos';
import {
  Anulado,
  CabeceraSorteo,
  ConvocatoriaRevelada,
  EstadoSorteo,
  ExcluidaGuardada,
  ItemsPorTipo,
  ParticipanteGuardado,
  TipoBloque,
} from './resultado.entity';
import { BloqueSorteoDoc, SorteoDoc } from './schemas/sorteo.schema';

type CabeceraDoc = SorteoDoc & { _id: Types.ObjectId };

const LETRA: Record<TipoBloque, string> = { participantes: 'p', excluidas: 'e', parqueaderos: 's' };

/** A chunk's `_id` (the store builds the same): kept for readers outside the repository. */
export function idBloque(sorteoId: string, tipo: TipoBloque, indice: number): string {
  return `${sorteoId}:${LETRA[tipo]}:${indice}`;
}

@Injectable()
export class SorteosRepository {
  private readonly almacen: AlmacenDeBloques<ItemsPorTipo, BloqueSorteoDoc>;

  constructor(
    @InjectModel(SorteoDoc.name) private readonly cabeceras: Model<SorteoDoc>,
    @InjectModel(BloqueSorteoDoc.name) bloques: Model<BloqueSorteoDoc>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    this.almacen = new AlmacenDeBloques<ItemsPorTipo, BloqueSorteoDoc>(
      bloques,
      {
        campoDueno: 'sorteoId',
        letras: LETRA,
        mapeadores: MAPEADORES,
        // The draw's chunk schema also requires its list and index.
        extra: (tipo, indice) => ({ tipo, indice }),
        de: 'del sorteo',
      },
      opcionesMasivas(db),
    );
  }

  /** The id a new draw is stored under; known before anything is written, so claims can name it. */
  idNuevo(): string {
    return new Types.ObjectId().toHexString();
  }

  async insertarCabecera(c: CabeceraSorteo): Promise<void> {
    const { id, ...resto } = c;
    await this.cabeceras.create({ _id: new Types.ObjectId(id), ...resto, completadoEn: null });
  }

  async cabecera(id: string): Promise<CabeceraSorteo | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const d = await this.cabeceras.findById(id).lean<CabeceraDoc>().exec();
    return d ? aCabecera(d) : null;
  }

  /** Undo of a convocatoria's draw: its id is drawn again, so the header must go, not stay aborted. */
  async borrarCabecera(id: string): Promise<void> {
    await this.cabeceras.deleteOne({ _id: new Types.ObjectId(id) }).exec();
  }

  async cambiarEstado(id: string, estado: EstadoSorteo): Promise<void> {
    const cambios = estado === 'completo' ? { estado, completadoEn: new Date() } : { estado };
    await this.cabeceras.updateOne({ _id: new Types.ObjectId(id) }, { $set: cambios }).exec();
  }

  async marcarAnulado(id: string, anulado: Anulado): Promise<void> {
    await this.cabeceras
      .updateOne({ _id: new Types.ObjectId(id) }, { $set: { anulado: { ...anulado } } })
      .exec();
  }

  /** The visible draws (complete, annulled or not), newest first. */
  async listarCompletos(page: number, limit: number): Promise<Pagina<CabeceraSorteo>> {
    const filtro = { estado: 'completo' as const };
    const [docs, total] = await Promise.all([
      this.cabeceras
        .find(filtro)
        .sort({ turno: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<CabeceraDoc[]>()
        .exec(),
      this.cabeceras.countDocuments(filtro).exec(),
    ]);
    return { data: docs.map(aCabecera), meta: { total, page, limit } };
  }

  /** The latest complete draw that is not annulled: the one `anular` may target. */
  async ultimoVigente(): Promise<CabeceraSorteo | null> {
    const docs = await this.cabeceras
      .find({ estado: 'completo', anulado: null })
      .sort({ turno: -1 })
      .limit(1)
      .lean<CabeceraDoc[]>()
      .exec();
    return docs.length > 0 ? aCabecera(docs[0]) : null;
  }

  insertarBloques<T extends TipoBloque>(
    sorteoId: string,
    tipo: T,
    items: readonly ItemsPorTipo[T][],
    tamano: number,
  ): Promise<number> {
    return this.almacen.insertar(sorteoId, tipo, items, tamano);
  }

  /** One chunk's items, mapped field by field (a whitelist: stored extras never leave). */
  leerBloque<T extends TipoBloque>(
    sorteoId: string,
    tipo: T,
    indice: number,
  ): Promise<ItemsPorTipo[T][]> {
    return this.almacen.leer(sorteoId, tipo, indice);
  }

  /** Every chunk of one list in order, reading the next while the caller handles the current. */
  recorrer<T extends TipoBloque>(
    sorteoId: string,
    tipo: T,
    cantidad: number,
  ): AsyncGenerator<ItemsPorTipo[T][]> {
    return this.almacen.recorrer(sorteoId, tipo, cantidad);
  }

  todos<T extends TipoBloque>(
    sorteoId: string,
    tipo: T,
    cantidad: number,
  ): Promise<ItemsPorTipo[T][]> {
    return this.almacen.todos(sorteoId, tipo, cantidad);
  }

  /** Undo of an aborted draw: idempotent, and the chunk collection is only scanned on abort. */
  borrarBloques(sorteoId: string): Promise<void> {
    return this.almacen.borrar(sorteoId);
  }
}

function aCabecera(d: CabeceraDoc): CabeceraSorteo {
  return {
    id: d._id.toHexString(),
    turno: d.turno,
    estado: d.estado,
    nombre: d.nombre,
    ejecutadoEn: d.ejecutadoEn,
    ejecutadoPor: d.ejecutadoPor,
    algoritmo: d.algoritmo,
    origenSemilla: d.origenSemilla ?? 'manual',
    semilla: d.semilla,
    insumosHash: d.insumosHash,
    convocatoria: aConvocatoriaRevelada(d.convocatoria),
    config: copiarConfig(d.config),
    resumen: {
      participantes: d.resumen.participantes,
      asignados: d.resumen.asignados,
      enEspera: d.resumen.enEspera,
      excluidos: d.resumen.excluidos,
    },
    tamanoBloque: d.tamanoBloque,
    bloques: {
      participantes: d.bloques.participantes,
      excluidas: d.bloques.excluidas,
      parqueaderos: d.bloques.parqueaderos,
    },
    anulado: d.anulado
      ? { motivo: d.anulado.motivo, por: d.anulado.por, fecha: d.anulado.fecha }
      : null,
  };
}

type Crudo = Record<string, unknown>;

function aConvocatoriaRevelada(v: unknown): ConvocatoriaRevelada | null {
  if (!v) return null;
  const c = v as Crudo;
  return {
    id: c.id as string,
    cerradaEn: new Date(c.cerradaEn as Date),
    fuentesPublicas: ((c.fuentesPublicas ?? []) as Crudo[]).map((f) => ({
      descripcion: f.descripcion as string,
    })),
    valoresPublicos: [...((c.valoresPublicos ?? []) as string[])],
    compromisoServidor: c.compromisoServidor as string,
    secretoServidor: c.secretoServidor as string,
  };
}

function unidad(v: unknown): Unidad {
  const u = (v ?? {}) as Crudo;
  return { torre: u.torre as string, apartamento: u.apartamento as string };
}

function aParticipante(v: unknown): ParticipanteGuardado {
  const p = v as Crudo;
  return {
    solicitudId: p.solicitudId as string,
    version: p.version as number,
    residenteId: p.residenteId as string,
    residenteNombre: p.residenteNombre as string,
    unidad: unidad(p.unidad),
    placa: p.placa as string,
    tipoVehiculo: p.tipoVehiculo as ParticipanteGuardado['tipoVehiculo'],
    discapacidad: p.discapacidad as boolean,
    adultoMayor: p.adultoMayor as boolean,
    sinAsignacionPrevia: p.sinAsignacionPrevia as boolean,
    aniosResidencia: p.aniosResidencia as number,
    peso: p.peso as number,
    numeroAleatorio: p.numeroAleatorio as number,
    clave: p.clave as number,
    etapa: p.etapa as ParticipanteGuardado['etapa'],
    posicion: p.posicion as number,
    resultado: p.resultado as ParticipanteGuardado['resultado'],
    parqueadero: (p.parqueadero ?? null) as string | null,
    posicionEspera: (p.posicionEspera ?? null) as number | null,
  };
}

function aExcluida(v: unknown): ExcluidaGuardada {
  const e = v as Crudo;
  return {
    solicitudId: e.solicitudId as string,
    version: e.version as number,
    residenteId: e.residenteId as string,
    unidad: unidad(e.unidad),
    placa: e.placa as string,
    tipoVehiculo: e.tipoVehiculo as ExcluidaGuardada['tipoVehiculo'],
    motivo: e.motivo as string,
  };
}

function aParqueadero(v: unknown): ParqueaderoEntrada {
  const s = v as Crudo;
  return {
    codigo: s.codigo as string,
    tipo: s.tipo as ParqueaderoEntrada['tipo'],
    discapacidad: s.discapacidad as boolean,
  };
}

const MAPEADORES: { [T in TipoBloque]: (v: unknown) => ItemsPorTipo[T] } = {
  participantes: aParticipante,
  excluidas: aExcluida,
  parqueaderos: aParqueadero,
};
