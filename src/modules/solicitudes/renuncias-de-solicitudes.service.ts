import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { Alcance, ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { transicionPermitida } from './maquina-estados';
import { clavePlaca, claveUnidad } from './solicitud-claves';
import type { SolicitudEntidad } from './solicitud.entity';
import { SOLICITUD_PROMOVIDA, SolicitudPromovidaEvento } from './solicitudes.events';
import { SolicitudesRepository } from './solicitudes.repository';
import { TransicionesRepository } from './transiciones.repository';

/** One solicitud's change in a renuncia's group, at the version its reservation claimed. */
export interface CambioPorRenuncia {
  solicitudId: string;
  /** The claimed version (the solicitud's version when read, plus one). */
  version: number;
  estado: 'cancelada' | 'asignada';
  motivo: string | null;
  parqueadero: string | null;
  /** The historial entry's motivo. */
  motivoHistorial: string | null;
  /** Null when the system acted on its own (a baja found at start-up). */
  usuarioId: string | null;
  fecha: Date;
}

/**
 * The solicitudes' side of a renuncia (SORTEO.md, movimientos): reading the candidates one at a
 * time by primary key, reserving the two solicitudes a group changes (a transition claim each, so a
 * concurrent PATCH gets 409 SORTEO_EN_CURSO instead of rolling them forward), and writing them
 * through the state machine once the group is decided. Every write is safe to repeat.
 */
@Injectable()
export class RenunciasDeSolicitudesService {
  constructor(
    private readonly repo: SolicitudesRepository,
    private readonly transiciones: TransicionesRepository,
    private readonly reclamos: ReclamosRepository,
    private readonly eventos: EventEmitter2,
  ) {}

  buscar(id: string, alcance: Alcance = ALCANCE_TOTAL): Promise<SolicitudEntidad | null> {
    return this.repo.buscar(id, alcance);
  }

  /** Primary-key reads (the only filter FerretDB on SQLite answers from an index), in parallel. */
  async buscarVarias(ids: readonly string[]): Promise<Map<string, SolicitudEntidad>> {
    const leidas = await Promise.all(ids.map((id) => this.repo.buscar(id, ALCANCE_TOTAL)));
    return new Map(leidas.filter((s) => s !== null).map((s) => [s.id, s]));
  }

  /** True when this caller now holds version + 1 of the solicitud for the renuncia `etiqueta`. */
  reservar(solicitudId: string, version: number, etiqueta: string): Promise<boolean> {
    return this.transiciones.reclamar({
      solicitudId,
      version: version + 1,
      estado: null,
      motivo: null,
      usuarioId: null,
      sorteoId: etiqueta,
      fecha: new Date(),
    });
  }

  /** Undo of an unconfirmed renuncia: its reservations go, the solicitudes stay as they were. */
  liberar(etiqueta: string): Promise<void> {
    return this.transiciones.borrarReservasDeSorteo(etiqueta);
  }

  /**
   * Idempotent: writes the change unless the solicitud already moved past the reserved version.
   * A renounced solicitud is closed, so its open-request claims (unit + type, placa) go with it.
   */
  async aplicar(c: CambioPorRenuncia): Promise<void> {
    const s = await this.repo.buscar(c.solicitudId, ALCANCE_TOTAL);
    if (s?.version === c.version) return this.publicarPromocion(c, s);
    if (!s || s.version !== c.version - 1) return;
    const origen = c.estado === 'cancelada' ? 'renuncia' : 'promocion';
    if (!transicionPermitida(s.estado, c.estado, origen)) {
      throw new Error(
        `La solicitud ${s.id} está en "${s.estado}": no admite "${c.estado}" (${origen})`,
      );
    }
    await this.repo.aplicar(
      s,
      {
        version: c.version,
        estado: c.estado,
        motivo: c.motivo,
        entrada: {
          estado: c.estado,
          fecha: c.fecha,
          usuarioId: c.usuarioId,
          motivo: c.motivoHistorial,
        },
      },
      { parqueadero: c.parqueadero, posicionEspera: null },
    );
    await this.publicarPromocion(c, s);
    if (c.estado === 'cancelada') {
      await this.reclamos.liberar(
        [claveUnidad(s.unidad, s.vehiculo.tipo), clavePlaca(s.vehiculo.placa)],
        s.id,
      );
    }
  }

  /** The promoted person's e-mail (notificaciones), keyed by the version: repeating it is free. */
  private async publicarPromocion(c: CambioPorRenuncia, s: SolicitudEntidad): Promise<void> {
    if (c.estado !== 'asignada' || !c.parqueadero) return;
    const e: SolicitudPromovidaEvento = {
      solicitudId: c.solicitudId,
      residenteId: s.residenteId,
      placa: s.vehiculo.placa,
      version: c.version,
      parqueadero: c.parqueadero,
    };
    await this.eventos.emitAsync(SOLICITUD_PROMOVIDA, e);
  }
}
