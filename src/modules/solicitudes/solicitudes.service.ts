import { actorDe, AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { creacion } from 'src/modules/auditoria/entrada-auditoria';
import { cambioDeEstado } from './auditoria-solicitud';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { alcanceDe } from 'src/core/auth/alcance';
import { UsuarioActual } from 'src/core/auth/roles';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { Respaldo, SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import {
  RESIDENTE_DESACTIVADO,
  ResidenteDesactivadoEvento,
} from 'src/modules/residentes/residentes.events';
import { ResidentesService } from 'src/modules/residentes/residentes.service';
import {
  ConflictoError,
  DomainError,
  NoEncontradoError,
  ValidacionError,
} from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { Pagina } from 'src/shared/pagination/pagina';
import { Alcance, ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import { ArbitroTransiciones, PedidoTransicion } from './arbitro-transiciones.service';
import { AprobacionesMasivasRepository } from './aprobaciones-masivas.repository';
import { Origen, esAbierto } from './maquina-estados';
import { FORMATO_PLACA, normalizarPlaca, placaValida } from './placa';
import { ReescrituraMasivaRepository } from './reescritura-masiva.repository';
import { ReglasTransicion } from './reglas-transicion.service';
import { claveCierre, clavePlaca, claveUnidad, SANEADOR } from './solicitud-claves';
import { EstadoSolicitud, SolicitudEntidad } from './solicitud.entity';
import { SOLICITUDES_DECIDIDAS, SolicitudesDecididasEvento } from './solicitudes.events';
import { FiltroSolicitudes, SolicitudesRepository } from './solicitudes.repository';
import { SolicitudesDeResidente } from './solicitudes-de-residente.service';

export interface NuevaSolicitud {
  residenteId?: string;
  vehiculo: { placa: string; tipo: TipoVehiculo };
  observaciones?: string;
}

const NO_EXISTE = 'La solicitud';

/**
 * The solicitudes' rules: who may ask for what, and which changes are allowed. Every "only one may
 * win" decision is an insert on a unique key: the open-request claims (unit + type, placa) here,
 * the version-keyed transition claims in ArbitroTransiciones. The draw's side of the solicitudes
 * is SolicitudesDelSorteoService.
 */
@Injectable()
export class SolicitudesService {
  private readonly logger = new Logger('Solicitudes');

  constructor(
    private readonly repo: SolicitudesRepository,
    private readonly arbitro: ArbitroTransiciones,
    private readonly reescritura: ReescrituraMasivaRepository,
    private readonly reclamos: ReclamosRepository,
    private readonly saneador: SaneadorReclamos,
    private readonly residentes: ResidentesService,
    private readonly reglas: ReglasTransicion,
    private readonly lotes: AprobacionesMasivasRepository,
    private readonly deResidente: SolicitudesDeResidente,
    private readonly auditoria: AuditoriaService,
    private readonly eventos: EventEmitter2,
  ) {}

  async crear(dto: NuevaSolicitud, actor: UsuarioActual): Promise<SolicitudEntidad> {
    const residenteId = this.residenteDeLaSolicitud(dto, actor);
    const residente = await this.residentes.buscar(residenteId, alcanceDe(actor));
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
    const rechazada = await this.saneador.reclamarTodas(claves, id, (c, otro) =>
      this.respaldo(c, otro),
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
      await this.deResidente.anotar(residenteId, id);
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
    if (!(await this.residentes.buscar(residenteId, ALCANCE_TOTAL))?.activo) {
      await this.transicionar(id, ALCANCE_TOTAL, 'sistema', {
        estado: 'cancelada',
        motivo: 'Residente dado de baja.',
        usuarioId: actor.id,
      });
      throw new ConflictoError(
        CodigoError.RESIDENTE_INACTIVO,
        'El residente está inactivo y no puede solicitar parqueadero.',
      );
    }
    await this.auditoria.registrar({
      actor: actorDe(actor),
      accion: 'solicitud.creada',
      recurso: { tipo: 'solicitud', id },
      cambios: creacion({
        residenteId,
        unidad,
        vehiculo: creada.vehiculo,
        observaciones: creada.observaciones,
        estado: creada.estado,
      }),
    });
    return creada;
  }

  listar(
    filtro: FiltroSolicitudes,
    actor: UsuarioActual,
    page: number,
    limit: number,
  ): Promise<Pagina<SolicitudEntidad>> {
    const alcance = alcanceDe(actor);
    if (alcance.tipo === 'residente')
      return this.deResidente.listar(filtro, alcance.residenteId, page, limit);
    return this.repo.listar(filtro, alcance, page, limit);
  }

  async obtener(id: string, actor: UsuarioActual): Promise<SolicitudEntidad> {
    const s = await this.arbitro.leer(id, alcanceDe(actor));
    if (!s) throw new NoEncontradoError(NO_EXISTE);
    return s;
  }

  async cambiarEstado(
    id: string,
    estado: EstadoSolicitud,
    motivo: string | undefined,
    actor: UsuarioActual,
  ): Promise<SolicitudEntidad> {
    const s = await this.cambiarEstadoSinRegistro(id, estado, motivo, actor);
    await this.auditoria.registrar({
      actor: actorDe(actor),
      accion: 'solicitud.estado',
      recurso: { tipo: 'solicitud', id },
      cambios: cambioDeEstado(s),
    });
    return s;
  }

  /** The change itself; a bulk approval records its changes in one entry of its own. */
  async cambiarEstadoSinRegistro(
    id: string,
    estado: EstadoSolicitud,
    motivo: string | undefined,
    actor: UsuarioActual,
  ): Promise<SolicitudEntidad> {
    const origen: Origen = actor.rol === 'admin' ? 'admin' : 'residente';
    const s = await this.transicionar(id, alcanceDe(actor), origen, {
      estado,
      motivo: motivo?.trim() || null,
      usuarioId: actor.id,
    });
    if (origen === 'admin') await this.publicarDecisiones([s], estado);
    return s;
  }

  /** Tells notificaciones (SOLICITUDES_DECIDIDAS); any other estado is not a decision. */
  async publicarDecisiones(
    decididas: ReadonlyArray<Pick<SolicitudEntidad, 'id' | 'residenteId' | 'vehiculo' | 'motivo'>>,
    estado: EstadoSolicitud,
  ): Promise<void> {
    if (decididas.length === 0 || (estado !== 'aprobada' && estado !== 'rechazada')) return;
    const solicitudes = decididas.map((d) => ({
      id: d.id,
      residenteId: d.residenteId,
      placa: d.vehiculo.placa,
      motivo: d.motivo,
    }));
    const evento: SolicitudesDecididasEvento = { solicitudes, estado };
    await this.eventos.emitAsync(SOLICITUDES_DECIDIDAS, evento);
  }

  /** Residents given de baja: their open solicitudes are cancelled with a motivo. */
  @OnEvent(RESIDENTE_DESACTIVADO, { promisify: true, suppressErrors: false })
  async alDesactivarResidente(e: ResidenteDesactivadoEvento): Promise<void> {
    for (const s of await this.repo.abiertasDeResidente(e.residenteId)) {
      try {
        await this.transicionar(s.id, ALCANCE_TOTAL, 'sistema', {
          estado: 'cancelada',
          motivo: e.motivo,
          usuarioId: e.usuarioId,
        });
      } catch (err) {
        // A draw holding it decides its fate; a concurrent change already closed it.
        if (!(err instanceof DomainError)) throw err;
        this.logger.warn(
          `No se canceló la solicitud ${s.id} al dar de baja al residente: ${err.code}`,
        );
      }
    }
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

  /** One change, with this module's rules checked on every fresh read the arbiter makes. */
  private transicionar(
    id: string,
    alcance: Alcance,
    origen: Origen,
    pedido: PedidoTransicion,
  ): Promise<SolicitudEntidad> {
    const lecturas = this.reglas.lecturasAlMomento();
    return this.arbitro.transicionar(id, alcance, pedido, (s) =>
      this.reglas.validar(s, pedido, origen, lecturas),
    );
  }

  /**
   * What the solicitud that holds an open-request claim says of it: backed while it is open with
   * that unit and type, or that placa. A draw keeps the claims of what it closes; only an
   * annulment of that draw could reopen it, and the two sides arbitrate by one insert, the closure
   * key: whoever loses it yields (the annulment then cancels this solicitud).
   */
  private async respaldo(clave: string, dueno: string): Promise<Respaldo> {
    let s = await this.repo.buscar(dueno, ALCANCE_TOTAL).catch(() => null);
    // A bulk rewrite or approval deletes and re-inserts documents: missing then is not gone.
    if (!s) {
      const enCurso =
        (await this.reescritura.hayTrabajoEnCurso()) || (await this.lotes.hayLoteEnCurso());
      if (enCurso) return { respaldada: true, cambiadoEn: null };
      // The job may have ended between the miss and the look for jobs: read once more.
      s = await this.repo.buscar(dueno, ALCANCE_TOTAL).catch(() => null);
      if (!s) return { respaldada: false, cambiadoEn: null };
    }
    if ((s.estado === 'asignada' || s.estado === 'no_asignada') && s.sorteoId !== null) {
      const cerrada = await this.reclamos.reclamarIdempotente(
        claveCierre(s.id, s.sorteoId),
        SANEADOR,
      );
      if (!cerrada) return { respaldada: true, cambiadoEn: null };
      await this.reclamos.liberar(
        [claveUnidad(s.unidad, s.vehiculo.tipo), clavePlaca(s.vehiculo.placa)],
        s.id,
      );
      return 'liberable';
    }
    const respaldada =
      esAbierto(s.estado) &&
      (clave === claveUnidad(s.unidad, s.vehiculo.tipo) || clave === clavePlaca(s.vehiculo.placa));
    return { respaldada, cambiadoEn: s.updatedAt };
  }
}
