import { alcanceDe } from 'src/core/auth/alcance';
import { Injectable } from '@nestjs/common';
import { veComoAdmin, type UsuarioActual } from 'src/core/auth/roles';
import { ResidentesService } from 'src/modules/residentes/residentes.service';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import type { Pagina } from 'src/shared/pagination/pagina';
import type { ResultadoParticipante } from './core/tipos';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import { verificarMovimientos } from './core/verificar-movimientos';
import { MAX_DIFERENCIAS, verificarSorteo, type VerificacionSorteo } from './core/verificar-sorteo';
import { MovimientosRepository } from './renuncias/movimientos.repository';
import type { MiAsignacionDto } from './dto/resultado-sorteo.dto';
import type { Espectador } from './resultado.mapper';
import type { CabeceraSorteo, ParticipanteGuardado, ResultadoCompleto } from './resultado.entity';
import { SORTEO_NO_EXISTE } from './anulacion.service';
import { SorteosRepository } from './sorteos.repository';
import { ResultadosEnMemoria } from './resultados-en-memoria';
import { UltimoVigente } from './ultimo-vigente';
import type { ParqueaderoEntrada } from './core/tipos';
import { ConvocatoriasRepository } from './convocatorias/convocatorias.repository';
import { verificarAnunciado, type CierrePublicado } from './convocatorias/verificar-anunciado';

export interface FiltroParticipantes {
  tipoVehiculo?: TipoVehiculo;
  resultado?: ResultadoParticipante;
  torre?: string;
}

export interface DetalleResultado {
  resultado: ResultadoCompleto;
  version: string;
  /** The participants in the order this spectator sees them, sorted once per result state. */
  enOrden(e: Espectador): readonly ParticipanteGuardado[];
}

/** Reading stored draws: only complete ones exist for readers (annulled ones included). */
@Injectable()
export class ResultadosService {
  constructor(
    private readonly repo: SorteosRepository,
    private readonly residentes: ResidentesService,
    private readonly convocatorias: ConvocatoriasRepository,
    private readonly movimientos: MovimientosRepository,
    private readonly memoria: ResultadosEnMemoria,
    private readonly vigente: UltimoVigente,
  ) {}

  async espectador(u: UsuarioActual): Promise<Espectador> {
    if (veComoAdmin(u.rol)) return { rol: 'admin' };
    const r = u.residenteId ? await this.residentes.buscar(u.residenteId, alcanceDe(u)) : null;
    return {
      rol: 'residente',
      residenteId: u.residenteId ?? '',
      unidad: r ? { torre: r.torre, apartamento: r.apartamento } : null,
    };
  }

  listar(page: number, limit: number): Promise<Pagina<CabeceraSorteo>> {
    return this.repo.listarCompletos(page, limit);
  }

  /**
   * The result as it stands now, from this instance's memory (resultados-en-memoria.ts): the
   * header and one movimiento are read by `_id`. `version` changes whenever the body can:
   * a movimiento or the annulment (the ETag's base).
   */
  async detalle(id: string): Promise<DetalleResultado> {
    const c = await this.visible(id);
    const ahora = await this.memoria.ahora(c);
    return {
      resultado: ahora.completo(c),
      version: `${c.id}.${ahora.movimientos}.${c.anulado ? 'a' : 'v'}`,
      enOrden: (e) => (e.rol === 'admin' ? ahora.participantes : ahora.porUnidad),
    };
  }

  /** Served from the result in memory: result order for admins, unit order for residents. */
  async participantes(
    id: string,
    filtro: FiltroParticipantes,
    page: number,
    limit: number,
    e: Espectador,
  ): Promise<Pagina<ParticipanteGuardado>> {
    const ahora = await this.memoria.ahora(await this.visible(id));
    const todos = e.rol === 'admin' ? ahora.participantes : ahora.porUnidad;
    const desde = (page - 1) * limit;
    const hasta = desde + limit;
    if (!filtro.tipoVehiculo && !filtro.resultado && !filtro.torre) {
      return { data: todos.slice(desde, hasta), meta: { total: todos.length, page, limit } };
    }
    const elegidos = todos.filter((p) => cumple(p, filtro));
    return { data: elegidos.slice(desde, hasta), meta: { total: elegidos.length, page, limit } };
  }

  /**
   * Recomputed from what is stored now: a change in the database shows up as differences. A
   * resident gets the verdict and the count only: the details name other participants' weights,
   * stages and keys, which would reveal their priority attributes.
   */
  async verificar(id: string, e: Espectador): Promise<VerificacionSorteo> {
    const v = await this.recalcular(id);
    return e.rol === 'admin' ? v : { ...v, diferencias: [] };
  }

  private async recalcular(id: string): Promise<VerificacionSorteo> {
    const c = await this.visible(id);
    const [parqueaderos, participantes, movimientos] = await Promise.all([
      this.repo.todos(id, 'parqueaderos', c.bloques.parqueaderos),
      this.repo.todos(id, 'participantes', c.bloques.participantes),
      this.movimientos.deSorteo(id),
    ]);
    const v = this.recalcularSorteo(c, parqueaderos, participantes);
    const anunciadas = c.convocatoria
      ? verificarAnunciado(
          { ...c, convocatoria: c.convocatoria, participantes },
          await this.cierrePublicado(c.convocatoria.id),
        )
      : [];
    // The movimientos are replayed over the stored outcome, which the lines above just checked.
    const extra = verificarMovimientos(participantes, parqueaderos, movimientos);
    if (anunciadas.length + extra.length === 0) return v;
    return {
      valido: false,
      diferencias: [...anunciadas, ...v.diferencias, ...extra].slice(0, MAX_DIFERENCIAS),
      totalDiferencias: v.totalDiferencias + anunciadas.length + extra.length,
    };
  }

  /** What the convocatoria published at its close, and the lines it froze. */
  private async cierrePublicado(convocatoriaId: string): Promise<CierrePublicado | null> {
    const conv = await this.convocatorias.buscar(convocatoriaId);
    if (!conv?.cierre) return null;
    const { cerradaEn, insumosHash, compromisoServidor, bloques } = conv.cierre;
    const lineas = await this.convocatorias.todos(conv.id, 'participantes', bloques.participantes);
    return { cerradaEn, insumosHash, compromisoServidor, lineas };
  }

  private recalcularSorteo(
    c: CabeceraSorteo,
    parqueaderos: ParqueaderoEntrada[],
    participantes: ParticipanteGuardado[],
  ): VerificacionSorteo {
    return verificarSorteo({
      algoritmo: c.algoritmo,
      semilla: c.semilla,
      config: c.config,
      parqueaderos,
      insumosHash: c.insumosHash,
      participantes,
      resumen: {
        participantes: c.resumen.participantes,
        asignados: c.resumen.asignados,
        enEspera: c.resumen.enEspera,
      },
    });
  }

  /** No scan: the latest draw by a turn probe (ultimo-vigente.ts), the outcome from memory. */
  async miAsignacion(residenteId: string): Promise<MiAsignacionDto[]> {
    const ultimo = await this.vigente.cabecera();
    if (!ultimo) return [];
    return (await this.memoria.ahora(ultimo)).asignacionesDe(ultimo, residenteId);
  }

  private async visible(id: string): Promise<CabeceraSorteo> {
    const c = await this.repo.cabecera(id);
    if (!c || c.estado !== 'completo') throw new NoEncontradoError(SORTEO_NO_EXISTE);
    return c;
  }
}

function cumple(p: ParticipanteGuardado, filtro: FiltroParticipantes): boolean {
  return (
    (!filtro.tipoVehiculo || p.tipoVehiculo === filtro.tipoVehiculo) &&
    (!filtro.resultado || p.resultado === filtro.resultado) &&
    (!filtro.torre || p.unidad.torre === filtro.torre)
  );
}
