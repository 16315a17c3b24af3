import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { actuales, conMovimientos } from './core/movimientos';
import type { ParqueaderoEntrada } from './core/tipos';
import type { MiAsignacionDto } from './dto/resultado-sorteo.dto';
import { MovimientosRepository } from './renuncias/movimientos.repository';
import { aMiAsignacionDto } from './resultado.mapper';
import type {
  CabeceraSorteo,
  ExcluidaGuardada,
  ParticipanteGuardado,
  ResultadoCompleto,
} from './resultado.entity';
import { sorteoAjustes } from './sorteo-ajustes.config';
import { SorteosRepository } from './sorteos.repository';
import { ordenPorUnidad } from './vista-residente';

/** A complete result's chunks as stored: they never change once the draw is complete. */
interface Base {
  parqueaderos: ParqueaderoEntrada[];
  participantes: ParticipanteGuardado[];
  excluidas: ExcluidaGuardada[];
}

/** A result as it stands after its first `movimientos` movimientos, and what is derived from it. */
export class ResultadoAhora {
  private unidad: readonly ParticipanteGuardado[] | null = null;
  private indice: Map<string, MiAsignacionDto[]> | null = null;

  constructor(
    private readonly base: Base,
    readonly movimientos: number,
    readonly participantes: readonly ParticipanteGuardado[],
  ) {}

  /** The whole result under `c`, the header just read (only its annulment may have changed). */
  completo(c: CabeceraSorteo): ResultadoCompleto {
    const { parqueaderos, excluidas } = this.base;
    return { cabecera: c, parqueaderos, participantes: [...this.participantes], excluidas };
  }

  /** The participants as the draw left them, before any movimiento (what the acta tabulates). */
  get sorteados(): readonly ParticipanteGuardado[] {
    return this.base.participantes;
  }

  /** The residents' order (vista-residente.ts), sorted once per state instead of per request. */
  get porUnidad(): readonly ParticipanteGuardado[] {
    return (this.unidad ??= ordenPorUnidad(this.participantes));
  }

  /** A resident's own outcomes: built once, then a map lookup per request. */
  asignacionesDe(c: Pick<CabeceraSorteo, 'id' | 'nombre'>, residenteId: string): MiAsignacionDto[] {
    if (!this.indice) {
      const mapa = new Map<string, MiAsignacionDto[]>();
      const agregar = (x: ParticipanteGuardado | ExcluidaGuardada): void => {
        const lista = mapa.get(x.residenteId);
        if (lista) lista.push(aMiAsignacionDto(c, x));
        else mapa.set(x.residenteId, [aMiAsignacionDto(c, x)]);
      };
      this.participantes.forEach(agregar);
      this.base.excluidas.forEach(agregar);
      this.indice = mapa;
    }
    return (this.indice.get(residenteId) ?? []).map((d) => ({ ...d }));
  }
}

interface Recarga {
  /**
   * `tic` when it began reading the movimientos (Infinity while the chunks are still being read):
   * it answers every request that arrived before that.
   */
  desde: number;
  promesa: Promise<ResultadoAhora>;
}

interface Entrada {
  peso: number;
  base: Promise<Base>;
  ahora: ResultadoAhora | null;
  recarga: Recarga | null;
}

/**
 * Complete results kept decoded in this instance's memory (docs/lecturas-residentes.md). A result
 * changes only by movimientos (numbered 1, 2, … and stored under `<sorteoId>:<n>`) and by its
 * annulment (on the header): so with the header just read by `_id`, one more `_id` read, of
 * movimiento `k + 1`, tells whether the copy reflecting `k` is current, on this instance and on
 * any other. Bounded by the number of entries (participants plus exclusions) held; a result
 * larger than the bound is read per request as before.
 */
@Injectable()
export class ResultadosEnMemoria {
  /** Least recently used first (a Map keeps insertion order; a hit re-inserts). */
  private readonly entradas = new Map<string, Entrada>();
  private peso = 0;
  private tic = 0;
  private readonly capacidad: number;

  constructor(
    private readonly repo: SorteosRepository,
    private readonly movimientos: MovimientosRepository,
    @Inject(sorteoAjustes.KEY) ajustes: ConfigType<typeof sorteoAjustes>,
  ) {
    this.capacidad = ajustes.resultadosEnMemoria;
  }

  /** Whether the result is small enough to be kept here (else each request reads it anew). */
  cabe(c: CabeceraSorteo): boolean {
    return c.resumen.participantes + c.resumen.excluidos <= this.capacidad;
  }

  /** `c` must be the header just read by `_id`, of a complete draw. */
  async ahora(c: CabeceraSorteo): Promise<ResultadoAhora> {
    const llegada = this.tic++;
    const e = this.entrada(c);
    if (!e) return this.construir(c.id, await this.leerBase(c));
    const vista = e.ahora;
    if (vista && !(await this.movimientos.existe(c.id, vista.movimientos + 1))) return vista;
    // Stale or never built: a rebuild that began after this request arrived answers it too.
    if (!e.recarga || e.recarga.desde < llegada) {
      const recarga: Recarga = { desde: Infinity, promesa: Promise.resolve(null as never) };
      recarga.promesa = e.base.then((b) => {
        recarga.desde = this.tic++;
        return this.construir(c.id, b);
      });
      e.recarga = recarga;
      recarga.promesa.then(
        (v) => {
          if (!e.ahora || e.ahora.movimientos <= v.movimientos) e.ahora = v;
        },
        () => {
          if (e.recarga === recarga) e.recarga = null;
        },
      );
    }
    return e.recarga.promesa;
  }

  private entrada(c: CabeceraSorteo): Entrada | null {
    const existente = this.entradas.get(c.id);
    if (existente) {
      this.entradas.delete(c.id);
      this.entradas.set(c.id, existente);
      return existente;
    }
    const peso = c.resumen.participantes + c.resumen.excluidos;
    if (peso > this.capacidad) return null;
    const e: Entrada = { peso, base: this.leerBase(c), ahora: null, recarga: null };
    // A failed read must not be served forever: the next request reads again.
    e.base.catch(() => this.quitar(c.id, e));
    this.entradas.set(c.id, e);
    this.peso += peso;
    for (const [id, vieja] of this.entradas) {
      if (this.peso <= this.capacidad) break;
      if (vieja !== e) this.quitar(id, vieja);
    }
    return e;
  }

  private quitar(id: string, e: Entrada): void {
    if (this.entradas.get(id) !== e) return;
    this.entradas.delete(id);
    this.peso -= e.peso;
  }

  private async leerBase(c: CabeceraSorteo): Promise<Base> {
    const [parqueaderos, participantes, excluidas] = await Promise.all([
      this.repo.todos(c.id, 'parqueaderos', c.bloques.parqueaderos),
      this.repo.todos(c.id, 'participantes', c.bloques.participantes),
      this.repo.todos(c.id, 'excluidas', c.bloques.excluidas),
    ]);
    return { parqueaderos, participantes, excluidas };
  }

  private async construir(sorteoId: string, base: Base): Promise<ResultadoAhora> {
    const movimientos = await this.movimientos.consecutivos(sorteoId);
    const mapa = actuales(movimientos);
    const participantes =
      mapa.size === 0 ? base.participantes : base.participantes.map((p) => conMovimientos(p, mapa));
    return new ResultadoAhora(base, movimientos.length, participantes);
  }
}
