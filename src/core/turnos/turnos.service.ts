import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainError } from 'src/shared/errors/domain-error';
import { TURNO_ABANDONADO } from './turnos.events';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sorteoEnCurso, turnoPerdido } from 'src/shared/errors/sorteo-en-curso';
import { turnosConfig } from './turnos.config';
import { TipoTurno, ValorDecision } from './schemas/turno.schema';
import {
  DatosDecision,
  Decision,
  EstadoTurno,
  holderVivo,
  ProcesoLocal,
  TurnoRegistro,
} from './turno.entity';
import { TurnosRepository } from './turnos.repository';

function pidExiste(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const logger = new Logger('SorteoTurnos');

/** A turn this instance holds: its heartbeat runs until `terminar` or `soltar`. */
export class TurnoEnCurso {
  /** Earlier turns left unfinished by dead holders: recover them before doing anything else. */
  previos: readonly TurnoRegistro[] = [];
  private perdido = false;
  private ultimoLatidoOk = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private latido: Promise<void> | null = null;

  constructor(
    readonly numero: number,
    readonly tipo: TipoTurno,
    readonly sorteoId: string | null,
    private readonly repo: TurnosRepository,
    private readonly timeoutMs: number,
    private readonly alCerrar: (t: TurnoEnCurso) => void,
  ) {}

  iniciarLatido(): void {
    const intervalo = Math.max(100, Math.floor(this.timeoutMs / 6));
    this.timer = setInterval(() => void this.latir(), intervalo);
    this.timer.unref();
  }

  private latir(): Promise<void> {
    if (this.latido || this.timer === null) return Promise.resolve();
    this.latido = this.unLatido().finally(() => {
      this.latido = null;
    });
    return this.latido;
  }

  private async unLatido(): Promise<void> {
    try {
      await this.repo.latir(this.numero, new Date());
      this.ultimoLatidoOk = Date.now();
      // Presumed dead and taken over: sealed as aborted, or finished by someone else.
      if (
        (await this.repo.abortadoPorOtro(this.numero)) ||
        (await this.repo.terminado(this.numero))
      ) {
        this.perdido = true;
      }
    } catch {
      // A database hiccup: `vigente` judges by the last heartbeat that did land.
    }
  }

  /**
   * Throws once others may presume this holder dead: sealed as aborted, or heartbeats failing for half
   * the timeout. Checked between steps; the commit itself is still decided by `decidir`'s insert.
   */
  vigente(): void {
    if (this.perdido || Date.now() - this.ultimoLatidoOk > this.timeoutMs / 2) throw turnoPerdido();
  }

  decidir(valor: ValorDecision, datos: DatosDecision = {}): Promise<Decision> {
    return this.repo.decidir(this.numero, valor, datos, new Date());
  }

  /** The work is done (or undone): the sequence is free for the next turn. */
  async terminar(): Promise<void> {
    this.detener();
    await this.latido;
    await this.repo.terminar(this.numero, new Date());
  }

  /**
   * After a failure. Unless our `confirmar` landed, `abortar` is sealed first (a slow `confirmar` of
   * ours can then never land after the undo), `resolver` completes or undoes whichever decision
   * stands, and the turn ends. When that cannot be done (the database is probably down) or the
   * commit was ours, the turn is let go and `recuperar` schedules the recovery that finishes it.
   */
  async cerrarTrasFallo(
    confirmado: boolean,
    resolver: (d: Decision) => Promise<void>,
    recuperar: () => void,
  ): Promise<void> {
    if (!confirmado) {
      try {
        await resolver(await this.decidir('abortar'));
        await this.terminar();
        return;
      } catch (err) {
        logger.error(`No se pudo cerrar el turno ${this.numero} (${this.tipo}): ${String(err)}`);
      }
    }
    this.soltar();
    recuperar();
  }

  /** Stops the heartbeat without finishing: a recovery will take the turn over once it is stale. */
  soltar(): void {
    this.detener();
  }

  private detener(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.alCerrar(this);
  }
}

/**
 * The draw lock. One sequence numbers every draw, annulment and recovery; taking a turn is an
 * insert of the next number, so of two concurrent callers (any instance) exactly one wins.
 */
@Injectable()
export class TurnosService implements OnApplicationShutdown {
  private readonly logger = new Logger('SorteoTurnos');
  private readonly instancia = randomBytes(8).toString('hex');
  private readonly activos = new Set<TurnoEnCurso>();
  private readonly local: ProcesoLocal = { host: hostname(), pid: process.pid, existe: pidExiste };

  constructor(
    private readonly repo: TurnosRepository,
    @Inject(turnosConfig.KEY) private readonly ajustes: ConfigType<typeof turnosConfig>,
    private readonly eventos?: EventEmitter2,
  ) {}

  /** After this long without a heartbeat a holder is presumed dead (SORTEO_LATIDO_TIMEOUT_MS). */
  get latidoTimeoutMs(): number {
    return this.ajustes.latidoTimeoutMs;
  }

  vivo(t: TurnoRegistro): boolean {
    return holderVivo(t, Date.now(), this.ajustes.latidoTimeoutMs, this.local);
  }

  pendientes(): Promise<TurnoRegistro[]> {
    return this.repo.pendientes();
  }

  /**
   * Every draw, annulment and renuncia takes a turn, and ends it only after its writes: a reader
   * that knows turns 1..n have ended and n + 1 is free knows nothing changed since, from `_id`
   * reads (sorteo/ultimo-vigente.ts). Null: not taken.
   */
  estado(numero: number): Promise<EstadoTurno | null> {
    return this.repo.estado(numero);
  }

  /** The highest n such that turns 1..n have all ended: where such a reader starts (two scans). */
  async terminadosHasta(): Promise<number> {
    const [ultimo, pendientes] = await Promise.all([this.repo.ultimo(), this.repo.pendientes()]);
    if (pendientes.length > 0) return Math.min(...pendientes.map((t) => t.numero)) - 1;
    return ultimo?.numero ?? 0;
  }

  /**
   * 409 SORTEO_EN_CURSO while a live holder works, or when another caller wins the same number.
   * If the database fails midway, the number may already be claimed by a holder that never starts
   * (no heartbeat, no work): the recovery is told, so the turn does not stay open until some later
   * request happens to notice it.
   */
  async adquirir(tipo: TipoTurno, sorteoId: string | null): Promise<TurnoEnCurso> {
    try {
      return await this.intentarAdquirir(tipo, sorteoId);
    } catch (err) {
      if (!(err instanceof DomainError)) this.eventos?.emit(TURNO_ABANDONADO);
      throw err;
    }
  }

  private async intentarAdquirir(tipo: TipoTurno, sorteoId: string | null): Promise<TurnoEnCurso> {
    if ((await this.repo.pendientes()).some((t) => this.vivo(t))) throw sorteoEnCurso();
    const ultimo = await this.repo.ultimo();
    const numero = (ultimo?.numero ?? 0) + 1;
    const ahora = new Date();
    const ganado = await this.repo.reclamar({
      numero,
      tipo,
      sorteoId,
      instancia: this.instancia,
      host: this.local.host,
      pid: this.local.pid,
      inicio: ahora,
      latido: ahora,
    });
    if (!ganado) throw sorteoEnCurso();
    // Reading "no live holder" and inserting the next number are two steps: a holder may have
    // taken the previous number in between. Then the lower number keeps the lock and this one
    // closes its own (empty) turn without touching anything.
    let previos: TurnoRegistro[];
    try {
      previos = (await this.repo.pendientes()).filter((t) => t.numero < numero);
    } catch (err) {
      // Nothing was done under this turn: close it if the database lets us, else it goes stale.
      await this.repo.terminar(numero, new Date()).catch(() => undefined);
      throw err;
    }
    if (previos.some((t) => this.vivo(t))) {
      await this.repo.terminar(numero, new Date());
      throw sorteoEnCurso();
    }
    const turno = new TurnoEnCurso(
      numero,
      tipo,
      sorteoId,
      this.repo,
      this.ajustes.latidoTimeoutMs,
      (t) => this.activos.delete(t),
    );
    turno.previos = previos;
    this.activos.add(turno);
    turno.iniciarLatido();
    return turno;
  }

  /** Used by a recovery to seal a dead holder's turn; returns what counts (its own or the holder's). */
  decidirPorOtro(turno: number, valor: ValorDecision): Promise<Decision> {
    return this.repo.decidir(turno, valor, {}, new Date());
  }

  terminarOtro(turno: number): Promise<void> {
    return this.repo.terminar(turno, new Date());
  }

  onApplicationShutdown(): void {
    for (const t of [...this.activos]) t.soltar();
    if (this.activos.size > 0) this.logger.warn('Turnos de sorteo abandonados al apagar');
  }
}
