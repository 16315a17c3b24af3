import { alcanceDe } from 'src/core/auth/alcance';
import { Injectable } from '@nestjs/common';
import { veComoAdmin, type UsuarioActual } from 'src/core/auth/roles';
import { ResidentesService } from 'src/modules/residentes/residentes.service';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import type { Pagina } from 'src/shared/pagination/pagina';
import type { ResultadoParticipante } from './core/tipos';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import { actuales, conMovimientos, type Actual } from './core/movimientos';
import { verificarMovimientos } from './core/verificar-movimientos';
import { MAX_DIFERENCIAS, verificarSorteo, type VerificacionSorteo } from './core/verificar-sorteo';
import { MovimientosRepository } from './renuncias/movimientos.repository';
import type { MiAsignacionDto } from './dto/resultado-sorteo.dto';
import { aMiAsignacionDto, type Espectador } from './resultado.mapper';
import type { CabeceraSorteo, ParticipanteGuardado, ResultadoCompleto } from './resultado.entity';
import { SORTEO_NO_EXISTE } from './anulacion.service';
import { SorteosRepository } from './sorteos.repository';
import { ordenPorUnidad } from './vista-residente';
import type { ParqueaderoEntrada } from './core/tipos';
import { ConvocatoriasRepository } from './convocatorias/convocatorias.repository';
import { verificarAnunciado, type CierrePublicado } from './convocatorias/verificar-anunciado';

export interface FiltroParticipantes {
  tipoVehiculo?: TipoVehiculo;
  resultado?: ResultadoParticipante;
  torre?: string;
}

interface IndiceMiAsignacion {
  sorteoId: string;
  /** Movimientos it reflects: a renuncia (here or on another instance) makes it stale. */
  movimientos: number;
  porResidente: Promise<Map<string, MiAsignacionDto[]>>;
}

/** Reading stored draws: only complete ones exist for readers (annulled ones included). */
@Injectable()
export class ResultadosService {
  /** Residents' outcomes in the latest draw, built once per draw instead of per request. */
  private indice: IndiceMiAsignacion | null = null;

  constructor(
    private readonly repo: SorteosRepository,
    private readonly residentes: ResidentesService,
    private readonly convocatorias: ConvocatoriasRepository,
    private readonly movimientos: MovimientosRepository,
  ) {}

  /** What the movimientos changed: participants are shown as they stand now (SORTEO.md). */
  private async actuales(id: string): Promise<Map<string, Actual>> {
    return actuales(await this.movimientos.deSorteo(id));
  }

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

  async detalle(id: string): Promise<ResultadoCompleto> {
    const c = await this.visible(id);
    const [parqueaderos, participantes, excluidas, mapa] = await Promise.all([
      this.repo.todos(id, 'parqueaderos', c.bloques.parqueaderos),
      this.repo.todos(id, 'participantes', c.bloques.participantes),
      this.repo.todos(id, 'excluidas', c.bloques.excluidas),
      this.actuales(id),
    ]);
    const ahora =
      mapa.size === 0 ? participantes : participantes.map((p) => conMovimientos(p, mapa));
    return { cabecera: c, parqueaderos, participantes: ahora, excluidas };
  }

  /**
   * Without filters only the chunks under the page are read; with filters the chunks are scanned
   * one at a time (a draw's chunks are read by primary key, never by a collection scan).
   */
  async participantes(
    id: string,
    filtro: FiltroParticipantes,
    page: number,
    limit: number,
    e: Espectador,
  ): Promise<Pagina<ParticipanteGuardado>> {
    const c = await this.visible(id);
    const mapa = await this.actuales(id);
    const desde = (page - 1) * limit;
    const hasta = desde + limit;
    if (e.rol !== 'admin') {
      // Unit order exists only as a whole: the result is read, filtered and sorted for the page.
      const todos = (await this.repo.todos(id, 'participantes', c.bloques.participantes)).map((p) =>
        conMovimientos(p, mapa),
      );
      const elegidos = ordenPorUnidad(todos.filter((p) => cumple(p, filtro)));
      return { data: elegidos.slice(desde, hasta), meta: { total: elegidos.length, page, limit } };
    }
    if (!filtro.tipoVehiculo && !filtro.resultado && !filtro.torre) {
      const total = c.resumen.participantes;
      const data: ParticipanteGuardado[] = [];
      const t = c.tamanoBloque;
      for (let b = Math.floor(desde / t); b * t < Math.min(hasta, total); b++) {
        const items = await this.repo.leerBloque(id, 'participantes', b);
        const trozo = items.slice(Math.max(0, desde - b * t), hasta - b * t);
        data.push(...trozo.map((p) => conMovimientos(p, mapa)));
      }
      return { data, meta: { total, page, limit } };
    }
    let total = 0;
    const data: ParticipanteGuardado[] = [];
    for await (const bloque of this.repo.recorrer(id, 'participantes', c.bloques.participantes)) {
      for (const guardado of bloque) {
        const p = conMovimientos(guardado, mapa);
        if (!cumple(p, filtro)) continue;
        if (total >= desde && total < hasta) data.push(p);
        total++;
      }
    }
    return { data, meta: { total, page, limit } };
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

  async miAsignacion(residenteId: string): Promise<MiAsignacionDto[]> {
    const ultimo = await this.repo.ultimoVigente();
    if (!ultimo) return [];
    const movimientos = await this.movimientos.deSorteo(ultimo.id);
    if (this.indice?.sorteoId !== ultimo.id || this.indice.movimientos !== movimientos.length) {
      const porResidente = this.indexar(ultimo, actuales(movimientos));
      this.indice = { sorteoId: ultimo.id, movimientos: movimientos.length, porResidente };
      // A failed build must not be served forever: the next request tries again.
      porResidente.catch(() => {
        if (this.indice?.porResidente === porResidente) this.indice = null;
      });
    }
    return (await this.indice.porResidente).get(residenteId) ?? [];
  }

  private async indexar(
    c: CabeceraSorteo,
    actual: ReadonlyMap<string, Actual>,
  ): Promise<Map<string, MiAsignacionDto[]>> {
    const mapa = new Map<string, MiAsignacionDto[]>();
    const agregar = (residenteId: string, dto: MiAsignacionDto): void => {
      const lista = mapa.get(residenteId);
      if (lista) lista.push(dto);
      else mapa.set(residenteId, [dto]);
    };
    for await (const bloque of this.repo.recorrer(c.id, 'participantes', c.bloques.participantes)) {
      for (const p of bloque)
        agregar(p.residenteId, aMiAsignacionDto(c, conMovimientos(p, actual)));
    }
    for await (const bloque of this.repo.recorrer(c.id, 'excluidas', c.bloques.excluidas)) {
      for (const x of bloque) agregar(x.residenteId, aMiAsignacionDto(c, x));
    }
    return mapa;
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
