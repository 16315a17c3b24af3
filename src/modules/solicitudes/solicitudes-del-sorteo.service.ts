import { Injectable } from '@nestjs/common';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { transicionPermitida } from './maquina-estados';
import { RecuperacionAprobaciones } from './recuperacion-aprobaciones.service';
import { ReescrituraMasivaRepository } from './reescritura-masiva.repository';
import { ANULACION, claveCierre, clavePlaca, claveUnidad } from './solicitud-claves';
import { DesenlaceSorteo, SolicitudEntidad, SolicitudParaSorteo } from './solicitud.entity';
import { SolicitudesDelSorteo } from './solicitudes-del-sorteo.port';
import { SolicitudesRepository } from './solicitudes.repository';
import { TransicionesRepository } from './transiciones.repository';

/** Solicitudes read per pass of an annulment: one claims insert and one release per group. */
const POR_GRUPO_ANULACION = 20_000;

/**
 * The `sorteoId` of an annulment's version claims. Not the draw's own id, which its reservations
 * carry (and which an aborted draw's release deletes by): a change that loses to either still
 * gets 409 SORTEO_EN_CURSO, since the arbiter refuses on any claim with a `sorteoId`.
 */
export const etiquetaAnulacion = (sorteoId: string): string => `anulacion:${sorteoId}`;

/**
 * The draw's side of the solicitudes: reading the approved ones, reserving them (a transition
 * claim each, like any change), and rewriting them in bulk when a draw is applied or annulled.
 * Every bulk change consults the same state machine as a single one.
 */
@Injectable()
export class SolicitudesDelSorteoService implements SolicitudesDelSorteo {
  constructor(
    private readonly repo: SolicitudesRepository,
    private readonly transiciones: TransicionesRepository,
    private readonly reescritura: ReescrituraMasivaRepository,
    private readonly reclamos: ReclamosRepository,
    private readonly aprobaciones: RecuperacionAprobaciones,
  ) {}

  /** A bulk approval whose request died is finished first: the draw then sees what it won. */
  async *aprobadasParaSorteo(porBloque = 5000): AsyncGenerator<SolicitudParaSorteo[]> {
    await this.aprobaciones.recuperarAbandonados();
    yield* this.repo.aprobadas(porBloque);
  }

  /**
   * Claims version + 1 of each solicitud for the draw; returns the ids it won. A convocatoria's
   * close marks its claims, so a refused change names the frozen convocatoria, not a running draw.
   */
  reservarParaSorteo(
    sorteoId: string,
    solicitudes: Array<{ id: string; version: number }>,
    convocatoriaId?: string,
  ): Promise<Set<string>> {
    const fecha = new Date();
    return this.transiciones.reclamarVarias(
      solicitudes.map((s) => ({
        solicitudId: s.id,
        version: s.version + 1,
        estado: null,
        motivo: null,
        usuarioId: null,
        sorteoId,
        convocatoriaId: convocatoriaId ?? null,
        fecha,
      })),
    );
  }

  /**
   * Idempotent: the draw's outcome, written as one bulk rewrite (ReescrituraMasivaRepository).
   * Only a solicitud still at the version the draw reserved changes. The open-request claims of
   * the solicitudes it closes stay where they are: releasing 200,000 arbitrary keys costs minutes
   * on FerretDB, and a claim whose owner the draw closed is released by the next request that
   * needs it (SolicitudesService.respaldo).
   */
  async aplicarSorteo(
    sorteoId: string,
    usuarioId: string,
    desenlaces: DesenlaceSorteo[],
  ): Promise<void> {
    const porId = new Map(desenlaces.map((d) => [d.id, d]));
    await this.reescritura.reescribir(
      { tipo: 'sorteo', sorteoId },
      [...porId.keys()],
      (actual) => {
        const d = porId.get(actual.id);
        if (!d || actual.version !== d.version - 1) return null;
        if (!transicionPermitida(actual.estado, d.estado, 'sorteo')) return null;
        return {
          estado: d.estado,
          motivo: d.motivo,
          sorteoId,
          parqueadero: d.parqueadero,
          posicionEspera: d.posicionEspera,
        };
      },
      usuarioId,
      new Date(),
    );
  }

  idsDeResidente(residenteId: string): Promise<string[]> {
    return this.repo.idsDeResidente(residenteId);
  }

  liberarReservasDeSorteo(sorteoId: string): Promise<void> {
    return this.transiciones.borrarReservasDeSorteo(sorteoId);
  }

  /**
   * Annulment: each solicitud of the draw takes back its open-request claims and returns to
   * `aprobada`; if its unit or placa opened a new request meanwhile, it is cancelled instead, so
   * the one-open-request rules still hold. Like a draw, the annulment first reserves the next
   * version of each solicitud with a transition claim: a change that got in first (leaving the
   * waiting list a moment before) keeps the solicitud, and one that comes later loses its claim
   * and gets 409 SORTEO_EN_CURSO; never both. Rewritten in bulk like the draw; safe to repeat.
   */
  async revertirSorteo(sorteoId: string, usuarioId: string, motivo: string): Promise<void> {
    const fecha = new Date();
    const enConflicto = new Set<string>();
    /** The version each reserved solicitud had when read: the rewrite changes only those. */
    const reservadas = new Map<string, number>();
    for await (const grupo of this.repo.deSorteo(sorteoId, POR_GRUPO_ANULACION)) {
      const propias = await this.reservarParaAnulacion(grupo, sorteoId, fecha);
      for (const s of propias) reservadas.set(s.id, s.version);
      for (const id of await this.recuperarClaves(propias, sorteoId)) enConflicto.add(id);
    }
    const motivoConflicto = `${motivo} La unidad o la placa ya tiene otra solicitud abierta.`;
    await this.reescritura.reescribir(
      { tipo: 'anulacion', sorteoId },
      [...reservadas.keys()],
      (actual) => {
        if (reservadas.get(actual.id) !== actual.version) return null;
        const cancelada = enConflicto.has(actual.id);
        const estado = cancelada ? 'cancelada' : 'aprobada';
        if (!transicionPermitida(actual.estado, estado, 'anulacion')) return null;
        return {
          estado,
          motivo: cancelada ? motivoConflicto : null,
          sorteoId: null,
          parqueadero: null,
          posicionEspera: null,
          motivoHistorial: cancelada ? motivoConflicto : motivo,
        };
      },
      usuarioId,
      fecha,
    );
  }

  /**
   * Claims version + 1 of each solicitud of the group for the annulment; returns those it holds.
   * A claim tagged with this annulment that is already there was inserted by an earlier attempt
   * (a crash, a recovery) and is still its own; any other belongs to a change that came first.
   */
  private async reservarParaAnulacion(
    grupo: SolicitudEntidad[],
    sorteoId: string,
    fecha: Date,
  ): Promise<SolicitudEntidad[]> {
    const etiqueta = etiquetaAnulacion(sorteoId);
    const ganadas = await this.transiciones.reclamarVarias(
      grupo.map((s) => ({
        solicitudId: s.id,
        version: s.version + 1,
        estado: null,
        motivo: null,
        usuarioId: null,
        sorteoId: etiqueta,
        fecha,
      })),
    );
    const perdidas = grupo.filter((s) => !ganadas.has(s.id));
    const previas = await this.transiciones.buscarVarias(
      perdidas.map((s) => ({ solicitudId: s.id, version: s.version + 1 })),
    );
    for (const t of previas) if (t.sorteoId === etiqueta) ganadas.add(t.solicitudId);
    return grupo.filter((s) => ganadas.has(s.id));
  }

  /**
   * Takes back the claims of a group of the draw's solicitudes; returns the ids that lost one
   * (their unit or placa is held by a newer request), which give back whichever key they took.
   */
  private async recuperarClaves(grupo: SolicitudEntidad[], sorteoId: string): Promise<string[]> {
    const claves = (s: SolicitudEntidad): string[] => [
      claveUnidad(s.unidad, s.vehiculo.tipo),
      clavePlaca(s.vehiculo.placa),
    ];
    // The closure key first: a request that already took it released this solicitud's claims.
    const ajenas = await this.reclamos.reclamarVariasIdempotente(
      grupo.flatMap((s): Array<[string, string]> => [
        [claveCierre(s.id, sorteoId), ANULACION],
        ...claves(s).map((c): [string, string] => [c, s.id]),
      ]),
    );
    const perdedoras = grupo.filter((s) =>
      [claveCierre(s.id, sorteoId), ...claves(s)].some((c) => ajenas.has(c)),
    );
    await this.reclamos.liberarVarias(
      perdedoras.flatMap(claves),
      perdedoras.map((s) => s.id),
    );
    return perdedoras.map((s) => s.id);
  }
}
