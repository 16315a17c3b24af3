import { Injectable } from '@nestjs/common';
import { setTimeout } from 'node:timers/promises';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import { ConflictoError, NoEncontradoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { sorteoEnCurso } from 'src/shared/errors/sorteo-en-curso';
import { convocatoriaCerrada } from 'src/shared/errors/convocatoria-cerrada';
import { Alcance } from 'src/shared/repository/alcance';
import { AprobacionesMasivasRepository } from './aprobaciones-masivas.repository';
import { esAbierto } from './maquina-estados';
import { ReescrituraMasivaRepository } from './reescritura-masiva.repository';
import { clavePlaca, claveUnidad } from './solicitud-claves';
import { EstadoSolicitud, SolicitudEntidad } from './solicitud.entity';
import { SolicitudesRepository } from './solicitudes.repository';
import { TransicionEntidad, TransicionesRepository } from './transiciones.repository';

export interface PedidoTransicion {
  estado: EstadoSolicitud;
  motivo: string | null;
  usuarioId: string;
}

/** 409 for a change that lost its version to another one made at the same time. */
export function cambioConcurrente(
  ganadora: TransicionEntidad,
  pedido: EstadoSolicitud,
): ConflictoError {
  return new ConflictoError(
    CodigoError.TRANSICION_INVALIDA,
    `Otra operación cambió la solicitud a "${ganadora.estado}" al mismo tiempo; no se aplicó "${pedido}".`,
  );
}

/** Reads at most this many times: a fresh version each time someone else's change got in first. */
const INTENTOS = 3;
/** How long a solicitud missing while a bulk write runs is waited for: 30 × 100 ms. */
const ESPERAS = 30;
const ESPERA_MS = 100;

/**
 * Decides which of concurrent changes to one solicitud wins, on any engine: each change inserts
 * the claim for the next version (a unique key), and only the winner writes. A loser rolls the
 * winner's change forward (harmless if the winner is alive, healing if it died), then reports the
 * conflict. The rules of what may change live with the caller (`validar`), not here.
 */
@Injectable()
export class ArbitroTransiciones {
  constructor(
    private readonly repo: SolicitudesRepository,
    private readonly transiciones: TransicionesRepository,
    private readonly reclamos: ReclamosRepository,
    private readonly saneador: SaneadorReclamos,
    private readonly reescritura: ReescrituraMasivaRepository,
    private readonly lotes: AprobacionesMasivasRepository,
  ) {}

  /**
   * One solicitud. A draw, an annulment or a bulk approval writes by deleting documents and
   * re-inserting their next versions: one missing while such a job is pending is waited for,
   * briefly, rather than answered as not found. A job may also end between the miss and the look
   * for jobs (a bulk approval of a few ids takes milliseconds): so, no job found, one more read.
   */
  async leer(id: string, alcance: Alcance): Promise<SolicitudEntidad | null> {
    for (let espera = 0; ; espera++) {
      const s = await this.repo.buscar(id, alcance);
      if (s || espera >= ESPERAS) return s;
      if (!(await this.hayEscrituraMasiva())) return this.repo.buscar(id, alcance);
      await setTimeout(ESPERA_MS);
    }
  }

  /** `validar` runs on every fresh read and throws the rule's error when the change is refused. */
  async transicionar(
    id: string,
    alcance: Alcance,
    pedido: PedidoTransicion,
    validar: (s: SolicitudEntidad) => Promise<void>,
  ): Promise<SolicitudEntidad> {
    for (let intento = 0; intento < INTENTOS; intento++) {
      const s = await this.leer(id, alcance);
      if (!s) throw new NoEncontradoError('La solicitud');
      await validar(s);
      const t: TransicionEntidad = {
        solicitudId: id,
        version: s.version + 1,
        estado: pedido.estado,
        motivo: pedido.motivo,
        usuarioId: pedido.usuarioId,
        sorteoId: null,
        fecha: new Date(),
      };
      if (await this.transiciones.reclamar(t)) {
        await this.escribir(s, t);
        return (await this.leer(id, alcance)) ?? s;
      }
      const ganadora = await this.transiciones.buscar(id, s.version + 1);
      if (ganadora?.sorteoId)
        throw ganadora.convocatoriaId ? convocatoriaCerrada() : sorteoEnCurso();
      if (!ganadora) continue;
      await this.escribir(s, ganadora);
      // A young claim is a concurrent request that won: this one loses, whatever it asked for.
      // Only a claim left long ago by a writer that died is healed and the request retried.
      if (this.saneador.reciente(ganadora.fecha)) throw cambioConcurrente(ganadora, pedido.estado);
    }
    throw new ConflictoError(
      CodigoError.TRANSICION_INVALIDA,
      'La solicitud cambió mientras se procesaba; consulte su estado e intente de nuevo.',
    );
  }

  private async hayEscrituraMasiva(): Promise<boolean> {
    return (await this.lotes.hayLoteEnCurso()) || (await this.reescritura.hayTrabajoEnCurso());
  }

  /** Applies a won (or found) transition; closing states free the unit and the placa. */
  private async escribir(s: SolicitudEntidad, t: TransicionEntidad): Promise<void> {
    if (!t.estado) return;
    await this.repo.aplicar(s, {
      version: t.version,
      estado: t.estado,
      motivo: t.motivo,
      entrada: { estado: t.estado, fecha: t.fecha, usuarioId: t.usuarioId, motivo: t.motivo },
    });
    if (!esAbierto(t.estado)) {
      await this.reclamos.liberar(
        [claveUnidad(s.unidad, s.vehiculo.tipo), clavePlaca(s.vehiculo.placa)],
        s.id,
      );
    }
  }
}
