import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { esClaveDuplicada } from 'src/shared/utils/mongo-errors';
import { DatosDecision, Decision, EstadoTurno, TurnoRegistro } from './turno.entity';
import { DecisionDoc, LatidoDoc, TurnoDoc, ValorDecision } from './schemas/turno.schema';

const PROYECCION_TURNO = {
  tipo: 1,
  sorteoId: 1,
  instancia: 1,
  host: 1,
  pid: 1,
  inicio: 1,
  latido: 1,
  terminado: 1,
} as const;

/** The sequence is short (one document per draw, annulment or recovery): scans stay cheap. */
@Injectable()
export class TurnosRepository {
  constructor(
    @InjectModel(TurnoDoc.name) private readonly turnos: Model<TurnoDoc>,
    @InjectModel(DecisionDoc.name) private readonly decisiones: Model<DecisionDoc>,
    @InjectModel(LatidoDoc.name) private readonly latidos: Model<LatidoDoc>,
  ) {}

  async ultimo(): Promise<TurnoRegistro | null> {
    const d = await this.turnos
      .find({}, PROYECCION_TURNO)
      .sort({ _id: -1 })
      .limit(1)
      .lean<TurnoDoc[]>()
      .exec();
    return d.length > 0 ? aTurno(d[0]) : null;
  }

  async pendientes(): Promise<TurnoRegistro[]> {
    const docs = await this.turnos
      .find({ terminado: false }, PROYECCION_TURNO)
      .lean<TurnoDoc[]>()
      .exec();
    const turnos = docs.map(aTurno).sort((a, b) => a.numero - b.numero);
    // Usually none or one: a primary-key read each.
    await Promise.all(
      turnos.map(async (t) => {
        const l = await this.latidos.findById(t.numero, { latido: 1 }).lean<LatidoDoc>().exec();
        if (l && l.latido > t.latido) t.latido = l.latido;
      }),
    );
    return turnos;
  }

  /** True when this caller now holds turn `t.numero`; false when someone else inserted it first. */
  async reclamar(t: Omit<TurnoRegistro, 'terminado'>): Promise<boolean> {
    try {
      await this.turnos.create({ _id: t.numero, ...t, terminado: false, terminadoEn: null });
    } catch (err) {
      if (esClaveDuplicada(err)) return false;
      throw err;
    }
    // Numbers are never reused, but a leftover heartbeat must not cost a turn already won.
    try {
      await this.latidos.create({ _id: t.numero, latido: t.latido });
    } catch (err) {
      if (!esClaveDuplicada(err)) throw err;
      await this.latir(t.numero, t.latido);
    }
    return true;
  }

  /** Written by the turn's holder only, one heartbeat at a time. */
  async latir(numero: number, fecha: Date): Promise<void> {
    await this.latidos.updateOne({ _id: numero }, { $set: { latido: fecha } }).exec();
  }

  async terminado(numero: number): Promise<boolean> {
    const t = await this.turnos.findById(numero, { terminado: 1 }).lean<TurnoDoc>().exec();
    return t?.terminado === true;
  }

  /** One `_id` read: whether turn `numero` was taken, when, and whether it has ended. */
  async estado(numero: number): Promise<EstadoTurno | null> {
    const t = await this.turnos
      .findById(numero, { inicio: 1, terminado: 1 })
      .lean<TurnoDoc>()
      .exec();
    return t ? { inicio: t.inicio, terminado: t.terminado } : null;
  }

  /** A recovery sealed this turn as aborted: its holder was presumed dead and must stop. */
  async abortadoPorOtro(numero: number): Promise<boolean> {
    return (await this.decision(numero))?.valor === 'abortar';
  }

  /** Idempotent: everyone who finishes a turn's work writes the same thing. */
  async terminar(numero: number, fecha: Date): Promise<void> {
    await this.turnos
      .updateOne({ _id: numero }, { $set: { terminado: true, terminadoEn: fecha } })
      .exec();
  }

  /** Inserts the decision unless one exists; either way returns the one that counts. */
  async decidir(
    turno: number,
    valor: ValorDecision,
    datos: DatosDecision,
    fecha: Date,
  ): Promise<Decision> {
    const anulacion = datos.anulacion ?? null;
    const cancelacion = datos.cancelacion ?? null;
    const renuncia = datos.renuncia ?? null;
    const auditoria = datos.auditoria ?? null;
    try {
      await this.decisiones.create({
        _id: turno,
        valor,
        anulacion,
        cancelacion,
        renuncia,
        auditoria,
        fecha,
      });
      return { turno, valor, anulacion, cancelacion, renuncia, auditoria };
    } catch (err) {
      if (!esClaveDuplicada(err)) throw err;
    }
    const existente = await this.decision(turno);
    if (!existente) throw new Error(`La decisión del turno ${turno} existe y no se pudo leer`);
    return existente;
  }

  async decision(turno: number): Promise<Decision | null> {
    const d = await this.decisiones
      .findById(turno, { valor: 1, anulacion: 1, cancelacion: 1, renuncia: 1, auditoria: 1 })
      .lean<DecisionDoc>()
      .exec();
    if (!d) return null;
    const a = d.anulacion;
    const c = d.cancelacion;
    return {
      turno,
      valor: d.valor,
      anulacion: a ? { sorteoId: a.sorteoId, motivo: a.motivo, por: a.por, fecha: a.fecha } : null,
      cancelacion: c
        ? { convocatoriaId: c.convocatoriaId, motivo: c.motivo, por: c.por, fecha: c.fecha }
        : null,
      renuncia: d.renuncia ?? null,
      auditoria: d.auditoria ?? null,
    };
  }
}

function aTurno(d: TurnoDoc): TurnoRegistro {
  return {
    numero: d._id,
    tipo: d.tipo,
    sorteoId: d.sorteoId ?? null,
    instancia: d.instancia,
    host: d.host,
    pid: d.pid,
    inicio: d.inicio,
    latido: d.latido,
    terminado: d.terminado,
  };
}
