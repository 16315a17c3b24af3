import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import { opcionesMasivas, type OpcionesMasivas } from 'src/core/database/limites-bd';
import { borrarEnTandas } from 'src/shared/repository/borrar-en-tandas';
import { esClaveDuplicada, indicesDuplicados } from 'src/shared/utils/mongo-errors';
import { EstadoSolicitud } from './solicitud.entity';
import { Transicion } from './schemas/transicion.schema';

export interface TransicionEntidad {
  solicitudId: string;
  version: number;
  estado: EstadoSolicitud | null;
  motivo: string | null;
  usuarioId: string | null;
  sorteoId: string | null;
  /** Set on a reservation made by a convocatoria's close: the solicitud is frozen in it. */
  convocatoriaId?: string | null;
  fecha: Date;
}

const clave = (solicitudId: string, version: number): string => `${solicitudId}:${version}`;

function aEntidad(d: Transicion): TransicionEntidad {
  const [solicitudId, version] = d._id.split(':');
  return {
    solicitudId,
    version: Number(version),
    estado: d.estado ?? null,
    motivo: d.motivo ?? null,
    usuarioId: d.usuarioId ?? null,
    sorteoId: d.sorteoId ?? null,
    convocatoriaId: d.convocatoriaId ?? null,
    fecha: d.fecha,
  };
}

@Injectable()
export class TransicionesRepository {
  /** For the draw's many-claim inserts and deletes (single claims keep the request limit). */
  private readonly masivo: OpcionesMasivas;

  constructor(
    @InjectModel(Transicion.name) private readonly model: Model<Transicion>,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    this.masivo = opcionesMasivas(db);
  }

  /** True when this caller won the change from `version - 1` to `version`. */
  async reclamar(t: TransicionEntidad): Promise<boolean> {
    try {
      await this.model.collection.insertOne({
        _id: clave(t.solicitudId, t.version) as never,
        estado: t.estado,
        motivo: t.motivo,
        usuarioId: t.usuarioId,
        sorteoId: t.sorteoId,
        fecha: t.fecha,
      });
      return true;
    } catch (err) {
      if (esClaveDuplicada(err)) return false;
      throw err;
    }
  }

  async buscar(solicitudId: string, version: number): Promise<TransicionEntidad | null> {
    const d = await this.model.findById(clave(solicitudId, version)).lean<Transicion>().exec();
    return d ? aEntidad(d) : null;
  }

  /** One unordered insert for many claims; returns the solicitud ids whose claim this call won. */
  async reclamarVarias(items: TransicionEntidad[]): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const docs = items.map((t) => ({
      _id: clave(t.solicitudId, t.version) as never,
      estado: t.estado,
      motivo: t.motivo,
      usuarioId: t.usuarioId,
      sorteoId: t.sorteoId,
      ...(t.convocatoriaId ? { convocatoriaId: t.convocatoriaId } : {}),
      fecha: t.fecha,
    }));
    // In slices: one insert command of 100,000 documents runs for tens of seconds on FerretDB.
    const ganadas = new Set<string>();
    for (let desde = 0; desde < docs.length; desde += 5000) {
      const trozo = docs.slice(desde, desde + 5000);
      let fallidos = new Set<number>();
      try {
        await this.model.collection.insertMany(trozo, { ordered: false, ...this.masivo });
      } catch (err) {
        const perdidas = indicesDuplicados(err);
        if (!perdidas) throw err;
        fallidos = new Set(perdidas);
      }
      trozo.forEach((_, i) => {
        if (!fallidos.has(i)) ganadas.add(items[desde + i].solicitudId);
      });
    }
    return ganadas;
  }

  async borrarReservasDeSorteo(sorteoId: string): Promise<void> {
    await borrarEnTandas(this.model.collection, { sorteoId, estado: null }, this.masivo);
  }
}
