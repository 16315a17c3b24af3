import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectConnection } from '@nestjs/mongoose';
import { databaseConfig } from 'src/core/config/database.config';
import { OpcionesMasivas, opcionesMasivas } from 'src/core/database/limites-bd';
import { Connection, Types } from 'mongoose';

/**
 * Read-only views of other modules' collections, the few fields a message needs (a name, an
 * e-mail, one draw participant). Reading them here keeps the emitters' changes to one
 * event each; the field names are those of the schemas in solicitudes, residentes, auth, sorteo.
 */
export interface Destinatario {
  nombre: string;
  email: string;
}

export interface ParticipanteParaCorreo {
  solicitudId: string;
  residenteId: string;
  placa: string;
  parqueadero: string | null;
  posicionEspera: number | null;
}

const oid = (id: string): Types.ObjectId | null =>
  Types.ObjectId.isValid(id) ? new Types.ObjectId(id) : null;

@Injectable()
export class FuentesRepository {
  /** A bulk decision or an import names many residents: one scan on FerretDB, the bulk limit. */
  private readonly masivas: OpcionesMasivas;

  constructor(
    @InjectConnection() private readonly db: Connection,
    @Inject(databaseConfig.KEY) cfg: ConfigType<typeof databaseConfig>,
  ) {
    this.masivas = opcionesMasivas(cfg);
  }

  /** Residents with an e-mail only: one without has no one to tell. */
  async residentes(ids: string[]): Promise<Map<string, Destinatario>> {
    const oids = [...new Set(ids)].map(oid).filter((o): o is Types.ObjectId => o !== null);
    if (oids.length === 0) return new Map();
    const docs = await this.db
      .collection('residentes')
      .find({ _id: { $in: oids } }, { ...this.masivas, projection: { nombre: 1, email: 1 } })
      .toArray();
    return new Map(
      docs
        .filter((d) => typeof d.email === 'string' && d.email)
        .map((d) => [String(d._id), { nombre: String(d.nombre), email: String(d.email) }]),
    );
  }

  /** A login account: staff carry their own name, a resident's is the resident record's. */
  async usuario(id: string): Promise<Destinatario | null> {
    const o = oid(id);
    if (!o) return null;
    const u = await this.db
      .collection('usuarios')
      .findOne({ _id: o }, { projection: { email: 1, nombre: 1, residenteId: 1 } });
    if (!u || typeof u.email !== 'string') return null;
    let nombre = typeof u.nombre === 'string' ? u.nombre : null;
    if (!nombre && u.residenteId) {
      const r = await this.residentes([String(u.residenteId)]);
      nombre = r.get(String(u.residenteId))?.nombre ?? null;
    }
    return { nombre: nombre ?? u.email, email: u.email };
  }

  async sorteo(id: string): Promise<{ nombre: string; bloques: number } | null> {
    const o = oid(id);
    if (!o) return null;
    const c = await this.db
      .collection('sorteos')
      .findOne({ _id: o }, { projection: { nombre: 1, bloques: 1, estado: 1 } });
    if (!c || c.estado !== 'completo') return null;
    const bloques = Number((c.bloques as { participantes?: number }).participantes ?? 0);
    return { nombre: String(c.nombre), bloques };
  }

  /** Completed draws since `desde`: the candidates of the start-up sweep (a small collection). */
  async sorteosCompletosDesde(desde: Date): Promise<string[]> {
    const docs = await this.db
      .collection('sorteos')
      .find({ estado: 'completo', ejecutadoEn: { $gte: desde } }, { projection: { _id: 1 } })
      .toArray();
    return docs.map((d) => String(d._id));
  }

  /** One chunk of the draw's stored participants at a time (sorteos.repository's `p` chunks). */
  async *participantes(
    sorteoId: string,
    bloques: number,
  ): AsyncGenerator<ParticipanteParaCorreo[]> {
    const coleccion = this.db.collection<{ _id: string; items?: unknown[] }>('sorteo_bloques');
    for (let i = 0; i < bloques; i++) {
      const b = await coleccion.findOne(
        { _id: `${sorteoId}:p:${i}` },
        { projection: { items: 1 } },
      );
      if (!b) throw new Error(`Falta el bloque ${i} de participantes del sorteo ${sorteoId}`);
      const items = (b.items ?? []) as Array<Record<string, unknown>>;
      yield items.map((p) => ({
        solicitudId: String(p.solicitudId),
        residenteId: String(p.residenteId),
        placa: String(p.placa),
        parqueadero: (p.parqueadero as string | null) ?? null,
        posicionEspera: (p.posicionEspera as number | null) ?? null,
      }));
    }
  }
}
