import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { OnEvent } from '@nestjs/event-emitter';
import { UsuarioActual } from 'src/core/auth/roles';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import {
  RESIDENTE_DESACTIVADO,
  ResidenteDesactivadoEvento,
} from 'src/modules/residentes/residentes.events';
import { ResidentesService } from 'src/modules/residentes/residentes.service';
import { ConfigPrioridadService } from 'src/modules/config-prioridad/config-prioridad.service';
import { SorteoEstadoService } from 'src/core/turnos/sorteo-estado.service';
import { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import {
  ConflictoError,
  DomainError,
  NoEncontradoError,
  ValidacionError,
} from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { Pagina } from 'src/shared/pagination/pagina';
import { Origen, esAbierto, transicionPermitida } from './maquina-estados';
import { FORMATO_PLACA, normalizarPlaca, placaValida } from './placa';
import { ANULACION, claveCierre, clavePlaca, claveUnidad, SANEADOR } from './solicitud-claves';
import {
  DesenlaceSorteo,
  EstadoSolicitud,
  SolicitudEntidad,
  SolicitudParaSorteo,
} from './solicitud.entity';
import { Alcance, FiltroSolicitudes, SolicitudesRepository } from './solicitudes.repository';
import { SolicitudesLoteRepository } from './solicitudes-lote.repository';
import { TransicionEntidad, TransicionesRepository } from './transiciones.repository';
import { conCambio } from './solicitud-documento';

export interface NuevaSolicitud {
  residenteId?: string;
  vehiculo: { placa: string; tipo: TipoVehiculo };
  observaciones?: string;
}

const NO_EXISTE = 'La solicitud';

/** Older than this, a transition claim whose solicitud was never written was left by a crash. */
const GRACIA_TRANSICION_MS = 30_000;

const sorteoEnCurso = (): ConflictoError =>
  new ConflictoError(
    CodigoError.SORTEO_EN_CURSO,
    'Hay un sorteo en curso; intente de nuevo cuando termine.',
  );

export function alcanceDe(actor: UsuarioActual): Alcance {
  return actor.rol === 'admin'
    ? { rol: 'admin' }
    : { rol: 'residente', residenteId: actor.residenteId ?? '' };
}

/**
 * The solicitudes' rules. Every "only one may win" decision is an insert on a unique key: the
 * open-request claims (unit + type, placa) and the version-keyed transition claims. Writes to the
 * solicitud only follow a won claim, so they never need the filter to arbitrate.
 */
@Injectable()
export class SolicitudesService {
  private readonly logger = new Logger('Solicitudes');

  constructor(
    private readonly repo: SolicitudesRepository,
    private readonly transiciones: TransicionesRepository,
    private readonly lote: SolicitudesLoteRepository,
    private readonly reclamos: ReclamosRepository,
    private readonly residentes: ResidentesService,
    private readonly config: ConfigPrioridadService,
    private readonly sorteos: SorteoEstadoService,
  ) {}

  async crear(dto: NuevaSolicitud, actor: UsuarioActual): Promise<SolicitudEntidad> {
    const residenteId = this.residenteDeLaSolicitud(dto, actor);
    const residente = await this.residentes.buscar(residenteId);
    if (!residente) throw new NoEncontradoError('El residente');
    if (!residente.activo) {
      throw new ConflictoError(
        CodigoError.RESIDENTE_INACTIVO,
        'El residente está inactivo y no puede solicitar parqueadero.',
      );
    }
    const placa = normalizarPlaca(dto.vehiculo.placa);
    if (!placaValida(placa, dto.vehiculo.tipo)) {
      throw new ValidacionError(
        `La placa "${placa}" no es válida para ${dto.vehiculo.tipo}: use el formato ${FORMATO_PLACA[dto.vehiculo.tipo].ejemplo}.`,
      );
    }
    const unidad = { torre: residente.torre, apartamento: residente.apartamento };
    const id = this.repo.idNuevo();
    const claves = [claveUnidad(unidad, dto.vehiculo.tipo), clavePlaca(placa)];
    const rechazada = await this.reclamos.reclamarTodasSaneando(claves, id, (c, otro) =>
      this.claveVigente(c, otro),
    );
    if (rechazada === claves[0]) {
      throw new ConflictoError(
        CodigoError.SOLICITUD_ABIERTA_EXISTENTE,
        `La unidad ${unidad.torre}-${unidad.apartamento} ya tiene una solicitud abierta para ${dto.vehiculo.tipo}.`,
      );
    }
    if (rechazada)
      throw new ConflictoError(
        CodigoError.PLACA_DUPLICADA,
        `La placa ${placa} ya está en otra solicitud abierta.`,
      );
    let creada: SolicitudEntidad;
    try {
      creada = await this.repo.crear({
        id,
        residenteId,
        unidad,
        vehiculo: { placa, tipo: dto.vehiculo.tipo },
        observaciones: dto.observaciones ?? null,
        estado: 'pendiente',
        motivo: null,
        sorteoId: null,
        parqueadero: null,
        posicionEspera: null,
        version: 0,
        historial: [{ estado: 'pendiente', fecha: new Date(), usuarioId: actor.id, motivo: null }],
      });
    } catch (err) {
      await this.reclamos.liberar(claves, id);
      throw err;
    }
    // A baja that ran between our check and the insert did not see this solicitud: close it here.
    if (!(await this.residentes.buscar(residenteId))?.activo) {
      await this.transicionar(
        id,
        { rol: 'admin' },
        'cancelada',
        'sistema',
        'Residente dado de baja.',
        actor.id,
      );
      throw new ConflictoError(
        CodigoError.RESIDENTE_INACTIVO,
        'El residente está inactivo y no puede solicitar parqueadero.',
      );
    }
    return creada;
  }

  listar(
    filtro: FiltroSolicitudes,
    actor: UsuarioActual,
    page: number,
    limit: number,
  ): Promise<Pagina<SolicitudEntidad>> {
    return this.repo.listar(filtro, alcanceDe(actor), page, limit);
  }

  async obtener(id: string, actor: UsuarioActual): Promise<SolicitudEntidad> {
    const s = await this.repo.buscar(id, alcanceDe(actor));
    if (!s) throw new NoEncontradoError(NO_EXISTE);
    return s;
  }

  async cambiarEstado(
    id: string,
    estado: EstadoSolicitud,
    motivo: string | undefined,
    actor: UsuarioActual,
  ): Promise<SolicitudEntidad> {
    const origen: Origen = actor.rol === 'admin' ? 'admin' : 'residente';
    return this.transicionar(
      id,
      alcanceDe(actor),
      estado,
      origen,
      motivo?.trim() || null,
      actor.id,
    );
  }

  /** Residents given de baja: their open solicitudes are cancelled with a motivo. */
  @OnEvent(RESIDENTE_DESACTIVADO, { promisify: true, suppressErrors: false })
  async alDesactivarResidente(e: ResidenteDesactivadoEvento): Promise<void> {
    for (const s of await this.repo.abiertasDeResidente(e.residenteId)) {
      try {
        await this.transicionar(
          s.id,
          { rol: 'admin' },
          'cancelada',
          'sistema',
          e.motivo,
          e.usuarioId,
        );
      } catch (err) {
        // A draw holding it decides its fate; a concurrent change already closed it.
        if (!(err instanceof DomainError)) throw err;
        this.logger.warn(
          `No se canceló la solicitud ${s.id} al dar de baja al residente: ${err.code}`,
        );
      }
    }
  }

  // ---- what the draw calls ------------------------------------------------------------------

  aprobadasParaSorteo(lote = 5000): AsyncGenerator<SolicitudParaSorteo[]> {
    return this.repo.aprobadas(lote);
  }

  /** Claims version + 1 of each solicitud for the draw; returns the ids it won. */
  reservarParaSorteo(
    sorteoId: string,
    solicitudes: Array<{ id: string; version: number }>,
  ): Promise<Set<string>> {
    const fecha = new Date();
    return this.transiciones.reclamarLote(
      solicitudes.map((s) => ({
        solicitudId: s.id,
        version: s.version + 1,
        estado: null,
        motivo: null,
        usuarioId: null,
        sorteoId,
        fecha,
      })),
    );
  }

  /**
   * Idempotent: the draw's outcome, staged then written batch by batch (see
   * SolicitudesLoteRepository). The open-request claims of the solicitudes it closes stay where
   * they are: releasing 200,000 arbitrary keys costs minutes on FerretDB, and a claim whose owner
   * the draw closed is released by the next request that needs it (claveVigente).
   */
  async aplicarSorteo(
    sorteoId: string,
    usuarioId: string,
    desenlaces: DesenlaceSorteo[],
  ): Promise<void> {
    const fecha = new Date();
    const porId = new Map(desenlaces.map((d) => [d.id, d]));
    const sorteo = new Types.ObjectId(sorteoId);
    const lote = `sorteo:${sorteoId}`;
    await this.lote.preparar(lote, [...porId.keys()], { estado: 'aprobada' }, (doc) => {
      const d = porId.get(String(doc._id));
      if (!d || doc.version !== d.version - 1) return null;
      return conCambio(
        doc,
        {
          estado: d.estado,
          motivo: d.motivo,
          sorteoId: sorteo,
          parqueadero: d.parqueadero,
          posicionEspera: d.posicionEspera,
        },
        usuarioId,
        fecha,
      );
    });
    await this.lote.aplicar(lote, { sorteoId: { $ne: sorteo } });
    await this.lote.descartar(lote);
  }

  liberarReservasDeSorteo(sorteoId: string): Promise<void> {
    return this.transiciones.borrarReservasDeSorteo(sorteoId);
  }

  /**
   * Annulment: each solicitud of the draw takes back its open-request claims and returns to
   * `aprobada`; if its unit or placa opened a new request meanwhile, it is cancelled instead, so
   * the one-open-request rules still hold. Staged and batched like the draw; safe to repeat.
   */
  async revertirSorteo(sorteoId: string, usuarioId: string, motivo: string): Promise<void> {
    const fecha = new Date();
    const sorteo = new Types.ObjectId(sorteoId);
    const delSorteo = { sorteoId: sorteo, estado: { $in: ['asignada', 'no_asignada'] } };
    const enConflicto = new Set<string>();
    const ids: string[] = [];
    for await (const grupo of this.repo.deSorteo(sorteoId, 20_000)) {
      for (const s of grupo) ids.push(s.id);
      // The closure key first: a request that already took it released this solicitud's claims.
      const pares = grupo.flatMap((s): Array<[string, string]> => [
        [claveCierre(s.id, sorteoId), ANULACION],
        [claveUnidad(s.unidad, s.vehiculo.tipo), s.id],
        [clavePlaca(s.vehiculo.placa), s.id],
      ]);
      const ajenas = await this.reclamos.tomarLote(pares);
      const perdedoras = grupo.filter(
        (s) =>
          ajenas.has(claveCierre(s.id, sorteoId)) ||
          ajenas.has(claveUnidad(s.unidad, s.vehiculo.tipo)) ||
          ajenas.has(clavePlaca(s.vehiculo.placa)),
      );
      for (const s of perdedoras) enConflicto.add(s.id);
      // A cancelled one gives back whichever of its two keys it did take.
      await this.reclamos.liberarLote(
        perdedoras.flatMap((s) => [
          claveUnidad(s.unidad, s.vehiculo.tipo),
          clavePlaca(s.vehiculo.placa),
        ]),
        perdedoras.map((s) => s.id),
      );
    }
    const lote = `anulacion:${sorteoId}`;
    await this.lote.preparar(lote, ids, delSorteo, (doc) => {
      const cancelada = enConflicto.has(String(doc._id));
      const m = cancelada
        ? `${motivo} La unidad o la placa ya tiene otra solicitud abierta.`
        : motivo;
      return conCambio(
        doc,
        {
          estado: cancelada ? 'cancelada' : 'aprobada',
          motivo: cancelada ? m : null,
          sorteoId: null,
          parqueadero: null,
          posicionEspera: null,
        },
        usuarioId,
        fecha,
        m,
      );
    });
    await this.lote.aplicar(lote, { sorteoId: sorteo });
    await this.lote.descartar(lote);
  }

  // ---- internals ----------------------------------------------------------------------------

  private residenteDeLaSolicitud(dto: NuevaSolicitud, actor: UsuarioActual): string {
    if (actor.rol === 'residente') {
      if (dto.residenteId !== undefined)
        throw new ValidacionError('residenteId solo lo envía la administración.');
      if (!actor.residenteId) throw new NoEncontradoError('El residente');
      return actor.residenteId;
    }
    if (!dto.residenteId)
      throw new ValidacionError(
        'residenteId es obligatorio cuando la administración crea la solicitud.',
      );
    return dto.residenteId;
  }

  /**
   * One change, decided by inserting the claim for the next version. A loser rolls the winner's
   * change forward (harmless if the winner is alive, healing if it died), then reports the conflict.
   */
  private async transicionar(
    id: string,
    alcance: Alcance,
    estado: EstadoSolicitud,
    origen: Origen,
    motivo: string | null,
    usuarioId: string,
  ): Promise<SolicitudEntidad> {
    for (let intento = 0; intento < 3; intento++) {
      const s = await this.repo.buscar(id, alcance);
      if (!s) throw new NoEncontradoError(NO_EXISTE);
      this.exigirTransicion(s, estado, origen);
      if (estado === 'rechazada' && !motivo)
        throw new ValidacionError('Para rechazar una solicitud indique el motivo.');
      if (s.estado === 'aprobada' && (await this.sorteos.hayUnoEnCurso())) throw sorteoEnCurso();
      if (estado === 'aprobada') await this.exigirAlDia(s.residenteId);
      const t: TransicionEntidad = {
        solicitudId: id,
        version: s.version + 1,
        estado,
        motivo,
        usuarioId,
        sorteoId: null,
        fecha: new Date(),
      };
      if (await this.transiciones.reclamar(t)) {
        await this.escribir(s, t);
        return (await this.repo.buscar(id, alcance)) ?? s;
      }
      const ganadora = await this.transiciones.buscar(id, s.version + 1);
      if (ganadora?.sorteoId) throw sorteoEnCurso();
      if (!ganadora) continue;
      await this.escribir(s, ganadora);
      // A young claim is a concurrent request that won: this one loses, whatever it asked for.
      // Only a claim left long ago by a writer that died is healed and the request retried.
      if (Date.now() - ganadora.fecha.getTime() < GRACIA_TRANSICION_MS) {
        throw new ConflictoError(
          CodigoError.TRANSICION_INVALIDA,
          `Otra operación cambió la solicitud a "${ganadora.estado}" al mismo tiempo; no se aplicó "${estado}".`,
        );
      }
    }
    throw new ConflictoError(
      CodigoError.TRANSICION_INVALIDA,
      'La solicitud cambió mientras se procesaba; consulte su estado e intente de nuevo.',
    );
  }

  private exigirTransicion(s: SolicitudEntidad, estado: EstadoSolicitud, origen: Origen): void {
    if (transicionPermitida(s.estado, estado, origen)) return;
    const quien =
      origen === 'residente' ? ' El residente solo puede cancelar sus solicitudes abiertas.' : '';
    throw new ConflictoError(
      CodigoError.TRANSICION_INVALIDA,
      `No se puede pasar la solicitud de "${s.estado}" a "${estado}".${quien}`,
    );
  }

  private async exigirAlDia(residenteId: string): Promise<void> {
    const { requiereAlDia } = await this.config.obtener();
    if (!requiereAlDia) return;
    const r = await this.residentes.buscar(residenteId);
    if (r && !r.alDia) {
      throw new ConflictoError(
        CodigoError.RESIDENTE_EN_MORA,
        'El residente no está a paz y salvo con la administración; no se puede aprobar la solicitud.',
      );
    }
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

  /** A claim is backed while its owner solicitud is open with that unit and type, or that placa. */
  private async claveVigente(clave: string, dueno: string): Promise<boolean | 'liberable'> {
    const s = await this.repo.buscar(dueno, { rol: 'admin' }).catch(() => null);
    // A draw or an annulment deletes and re-inserts documents batch by batch: missing then is
    // not gone, and the claim (as old as its solicitud) must not look orphaned.
    if (!s) return this.lote.hayLoteEnCurso();
    if ((s.estado === 'asignada' || s.estado === 'no_asignada') && s.sorteoId !== null) {
      // The draw kept this claim (aplicarSorteo). Only an annulment of that draw can reopen the
      // solicitud, and then it needs its claims back: the two sides arbitrate by one insert, the
      // closure key. Whoever loses it yields (the annulment then cancels this solicitud).
      const cerrada = await this.reclamos.tomar(claveCierre(s.id, s.sorteoId), SANEADOR);
      if (!cerrada) return true;
      await this.reclamos.liberar(
        [claveUnidad(s.unidad, s.vehiculo.tipo), clavePlaca(s.vehiculo.placa)],
        s.id,
      );
      return 'liberable';
    }
    // Just closed: its closer may still be releasing this claim; deleting it now could race that.
    if (Date.now() - s.updatedAt.getTime() < GRACIA_TRANSICION_MS) return true;
    return (
      esAbierto(s.estado) &&
      (clave === claveUnidad(s.unidad, s.vehiculo.tipo) || clave === clavePlaca(s.vehiculo.placa))
    );
  }
}
