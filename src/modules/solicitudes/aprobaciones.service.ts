import { Injectable, Logger } from '@nestjs/common';
import { UsuarioActual } from 'src/core/auth/roles';
import { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import { DomainError, NoEncontradoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { Cronometro } from 'src/shared/utils/cronometro';
import { esObjectId } from 'src/shared/validation/parse-object-id.pipe';
import { cambioConcurrente, type PedidoTransicion } from './arbitro-transiciones.service';
import { actorDe, AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { cambioDeEstado } from './auditoria-solicitud';
import { AprobacionesMasivasRepository } from './aprobaciones-masivas.repository';
import { RecuperacionAprobaciones } from './recuperacion-aprobaciones.service';
import { ReglasTransicion } from './reglas-transicion.service';
import { EstadoSolicitud } from './solicitud.entity';
import { SolicitudesRepository, SolicitudLeida } from './solicitudes.repository';
import { SolicitudesService } from './solicitudes.service';
import { TransicionEntidad, TransicionesRepository } from './transiciones.repository';

/** One id's outcome: the solicitud's estado after the call (null: no such solicitud), and why not. */
export interface ResultadoAprobacion {
  id: string;
  estado: EstadoSolicitud | null;
  code?: CodigoError;
  message?: string;
}

const rechazo = (id: string, estado: EstadoSolicitud | null, e: DomainError) => ({
  id,
  estado,
  code: e.code,
  message: e.message,
});

/**
 * `POST /solicitudes/aprobaciones`: each id approved under the rules of one PATCH (the same
 * ReglasTransicion.validar) and decided by the same version claim, but read, claimed and written
 * in a handful of commands for the whole list (docs/solicitudes.md, "Aprobación masiva").
 */
@Injectable()
export class AprobacionesService {
  private readonly logger = new Logger('Aprobaciones');

  constructor(
    private readonly repo: SolicitudesRepository,
    private readonly reglas: ReglasTransicion,
    private readonly transiciones: TransicionesRepository,
    private readonly lotes: AprobacionesMasivasRepository,
    private readonly recuperacion: RecuperacionAprobaciones,
    private readonly solicitudes: SolicitudesService,
    private readonly saneador: SaneadorReclamos,
    private readonly auditoria: AuditoriaService,
  ) {}

  /** One result per id, in order; a repeated id gets its first occurrence's result. */
  async aprobar(ids: readonly string[], actor: UsuarioActual): Promise<ResultadoAprobacion[]> {
    const crono = new Cronometro();
    await this.recuperacion.recuperarAbandonados();
    crono.marca('recuperar');
    const distintos = [...new Set(ids)];
    // Two reads by `_id`: the solicitudes, then their residents (never a scan of either).
    const leidas = await this.repo.buscarVarias(distintos.filter(esObjectId));
    const lecturas = await this.reglas.lecturasDeUnaVez(
      [...leidas.values()].map((l) => l.entidad.residenteId),
    );
    crono.marca('leer');
    const pedido: PedidoTransicion = { estado: 'aprobada', motivo: null, usuarioId: actor.id };
    const resultados = new Map<string, ResultadoAprobacion>();
    const candidatas: SolicitudLeida[] = [];
    for (const id of distintos) {
      const l = leidas.get(id);
      if (!l) {
        resultados.set(id, rechazo(id, null, new NoEncontradoError('La solicitud')));
        continue;
      }
      try {
        await this.reglas.validar(l.entidad, pedido, 'admin', lecturas);
        candidatas.push(l);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        resultados.set(id, rechazo(id, l.entidad.estado, err));
      }
    }
    const ganadas = await this.reclamarYEscribir(candidatas, actor.id, crono);
    await this.solicitudes.publicarDecisiones(
      candidatas.filter((c) => ganadas.has(c.entidad.id)).map((c) => c.entidad),
      'aprobada',
    );
    const ajenas = await this.ganadorasAjenas(candidatas.filter((c) => !ganadas.has(c.entidad.id)));
    const aprobadas: Array<{ id: string } & ReturnType<typeof cambioDeEstado>> = candidatas
      .filter((c) => ganadas.has(c.entidad.id))
      .map((c) => ({
        id: c.entidad.id,
        estado: { antes: c.entidad.estado, despues: 'aprobada' },
        motivo: { antes: c.entidad.motivo, despues: null },
      }));
    for (const c of candidatas) {
      const id = c.entidad.id;
      const ajena = ajenas.get(id);
      if (ganadas.has(id)) resultados.set(id, { id, estado: 'aprobada' });
      // Another approval made just now (a double submit, another admin): its writer writes it.
      else if (ajena?.estado === 'aprobada' && this.saneador.reciente(ajena.fecha))
        resultados.set(id, rechazo(id, 'aprobada', cambioConcurrente(ajena, 'aprobada')));
      // Anything else that won first goes the single way: it is healed if its writer died, and
      // the answer is exactly a PATCH's.
      else {
        const r = await this.unaSola(id, actor);
        resultados.set(id, r.resultado);
        if (r.cambio) aprobadas.push({ id, ...r.cambio });
      }
    }
    // One entry for the call (every write route leaves one): each solicitud it approved.
    if (aprobadas.length > 0) {
      await this.auditoria.registrar({
        actor: actorDe(actor),
        accion: 'solicitudes.aprobadas',
        recurso: { tipo: 'solicitud', id: null },
        cambios: { solicitudes: aprobadas },
      });
    }
    crono.marca('perdidas');
    this.logger.log(`${ids.length} ids, ${ganadas.size} aprobadas en lote: ${crono.resumen()}`);
    return ids.map((id) => resultados.get(id) as ResultadoAprobacion);
  }

  /** The lote first (what a recovery needs), then the claims, then the won changes' write. */
  private async reclamarYEscribir(
    candidatas: readonly SolicitudLeida[],
    usuarioId: string,
    crono: Cronometro,
  ): Promise<Set<string>> {
    if (candidatas.length === 0) return new Set();
    const fecha = new Date();
    const lote = await this.lotes.registrar(
      candidatas.map((c) => c.documento),
      usuarioId,
      fecha,
    );
    crono.marca('lote');
    const ganadas = await this.transiciones.reclamarVarias(
      candidatas.map((c) => ({
        solicitudId: c.entidad.id,
        version: c.entidad.version + 1,
        estado: 'aprobada',
        motivo: null,
        usuarioId,
        sorteoId: null,
        fecha,
      })),
    );
    crono.marca('reclamar');
    await this.lotes.aplicar(lote, ganadas);
    crono.marca('escribir');
    await this.lotes.terminar(lote);
    return ganadas;
  }

  /** The claims that beat this call's, in one read; none to read in the usual case. */
  private async ganadorasAjenas(
    perdidas: readonly SolicitudLeida[],
  ): Promise<Map<string, TransicionEntidad>> {
    if (perdidas.length === 0) return new Map();
    const claves = perdidas.map((c) => ({
      solicitudId: c.entidad.id,
      version: c.entidad.version + 1,
    }));
    return new Map((await this.transiciones.buscarVarias(claves)).map((t) => [t.solicitudId, t]));
  }

  private async unaSola(
    id: string,
    actor: UsuarioActual,
  ): Promise<{ resultado: ResultadoAprobacion; cambio?: ReturnType<typeof cambioDeEstado> }> {
    try {
      const s = await this.solicitudes.cambiarEstadoSinRegistro(id, 'aprobada', undefined, actor);
      return { resultado: { id, estado: s.estado }, cambio: cambioDeEstado(s) };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const actual = await this.repo.buscar(id, ALCANCE_TOTAL);
      return { resultado: rechazo(id, actual?.estado ?? null, err) };
    }
  }
}
