import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { aJson, HASH_INICIAL, hashDeEntrada, jsonCanonico } from './canonico';
import { auditoriaConfig } from './auditoria.config';
import { AuditoriaRepository } from './auditoria.repository';
import { DiarioPendientes, type Pendiente } from './diario-pendientes';
import type { EntradaAuditoria, NuevaEntrada } from './entrada-auditoria';
import { IndiceAuditoria } from './indice-auditoria';

/** Places one writer may lose in a row before giving up (each loss is another entry written). */
const INTENTOS = 10_000;

/**
 * The chain's writer and this instance's view of it. Each entry's `n` is won by inserting it
 * (`_id` = n): a loser reads the winner, chains after it and tries the next n, so two instances
 * never fork the chain. Writers of one process go through one queue, so they never race each
 * other for the same n. An entry that cannot be written (the database went away after the change)
 * goes to the on-disk diary and is chained when the database is back (docs/auditoria.md).
 */
@Injectable()
export class CadenaAuditoria implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Auditoria');
  readonly indice: IndiceAuditoria;
  private readonly diario: DiarioPendientes;
  private cabeza = { n: 0, hash: HASH_INICIAL };
  private carga: Promise<void> | null = null;
  private busquedaCabeza: Promise<void> | null = null;
  private cola: Promise<unknown> = Promise.resolve();
  private pendientes: Pendiente[] = [];
  private reintento: NodeJS.Timeout | null = null;

  constructor(
    private readonly repo: AuditoriaRepository,
    @Inject(auditoriaConfig.KEY) private readonly cfg: ConfigType<typeof auditoriaConfig>,
  ) {
    this.indice = new IndiceAuditoria(cfg.enCache);
    this.diario = new DiarioPendientes(cfg.carpeta);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.cfg.activa)
      this.logger.error(
        'AUDITORIA_BENCH_SIN_REGISTRO=true: no se registra ningún cambio (solo bench).',
      );
    this.pendientes = await this.diario.leerPropios();
    this.reintento = setInterval(() => void this.barrer(), this.cfg.reintentoMs);
    this.reintento.unref();
    // The list index is built in the background; writers only need the head (a few _id reads).
    this.cargar().catch((err: unknown) =>
      this.logger.warn(`Auditoría: índice no construido aún (${mensaje(err)})`),
    );
    void this.barrer();
  }

  onModuleDestroy(): void {
    if (this.reintento) clearInterval(this.reintento);
  }

  /** Records the entries in order; returns once they are chained or safe in the diary. */
  registrar(nuevas: NuevaEntrada[]): Promise<void> {
    if (!this.cfg.activa || nuevas.length === 0) return Promise.resolve();
    const fechadas = nuevas.map(fechar);
    return this.enCola(() => this.escribirOApartar(fechadas));
  }

  /**
   * For a change a recovery finished: records `nueva` unless the log, or this process's diary,
   * already holds the same entry (action, resource, date, actor and changes), which the crashed
   * holder may have written before it died. Dead processes' diaries of this host are chained
   * first, so what they hold counts. Callers hold a turn: two recoverers never check at once.
   */
  async registrarSiFalta(nueva: NuevaEntrada): Promise<boolean> {
    if (!this.cfg.activa) return false;
    const p = fechar(nueva);
    const propia = huella(p);
    await this.barrer();
    if (this.pendientes.some((q) => huella(q) === propia)) return false;
    const indice = await this.alDia();
    const fecha = new Date(p.fecha);
    const { ns } = indice.buscar(
      {
        accion: p.accion,
        recursoTipo: p.recurso.tipo,
        recursoId: p.recurso.id ?? undefined,
        desde: fecha,
        hasta: fecha,
      },
      1,
      100,
    );
    for (const n of ns) {
      const e = indice.entrada(n) ?? (await this.repo.leer(n));
      if (e && huella(e) === propia) return false;
    }
    await this.enCola(() => this.escribirOApartar([p]));
    return true;
  }

  /** The index brought up to the chain's newest entry, whichever instance wrote it. */
  async alDia(): Promise<IndiceAuditoria> {
    await this.cargar();
    for (let n = this.indice.ultimo + 1; ; n++) {
      const e = await this.repo.leer(n);
      if (!e) break;
      this.avanzar(e);
    }
    return this.indice;
  }

  /** Entries waiting in the diary (for docs and tests). */
  get sinEncadenar(): number {
    return this.pendientes.length;
  }

  /** Adopts dead processes' diaries and chains what waits; called periodically and at start. */
  barrer(): Promise<void> {
    return this.enCola(async () => {
      try {
        const huerfanos = await this.diario.adoptarHuerfanos();
        this.pendientes.push(...huerfanos);
        if (this.pendientes.length > 0) await this.vaciar();
      } catch (err) {
        this.logger.warn(`Auditoría: reintento fallido (${mensaje(err)})`);
      }
    });
  }

  private async escribirOApartar(fechadas: Pendiente[]): Promise<void> {
    if (this.pendientes.length === 0) {
      let i = 0;
      try {
        for (; i < fechadas.length; i++) await this.escribir(fechadas[i]);
        return;
      } catch (err) {
        this.logger.error(
          `Auditoría: ${fechadas.length - i} entrada(s) quedan en el diario (${mensaje(err)})`,
        );
        fechadas = fechadas.slice(i);
      }
    }
    // Older entries wait: these go after them, so the chain keeps the order of the changes.
    await this.diario.guardar(fechadas);
    this.pendientes.push(...fechadas);
  }

  private async vaciar(): Promise<void> {
    while (this.pendientes.length > 0) {
      await this.escribir(this.pendientes[0]);
      this.pendientes.shift();
      await this.diario.reescribir(this.pendientes);
    }
  }

  private async escribir(p: Pendiente): Promise<void> {
    await this.buscarCabeza();
    for (let i = 0; i < INTENTOS; i++) {
      const base = { n: this.cabeza.n + 1, ...p, hashPrevio: this.cabeza.hash };
      const entrada: EntradaAuditoria = { ...base, hash: hashDeEntrada(base) };
      if (await this.repo.insertar(entrada)) {
        this.avanzar(entrada);
        return;
      }
      const ganador = await this.repo.leer(entrada.n);
      if (!ganador) throw new Error(`la entrada ${entrada.n} existe y no se puede leer`);
      this.avanzar(ganador);
      // Our own insert whose answer was lost (a timeout after the write): it is in the chain.
      if (ganador.hash === entrada.hash) return;
    }
    throw new Error('demasiadas entradas simultáneas');
  }

  private avanzar(e: EntradaAuditoria): void {
    this.indice.agregar(e);
    if (e.n > this.cabeza.n) this.cabeza = { n: e.n, hash: e.hash };
  }

  /**
   * Once per process, before the first write: the highest stored n, found with ~2·log2(n) reads
   * by _id (doubling until a miss, then halving), instead of walking the whole log, so a server
   * with 100,000 entries starts writing at once. Only a deleted entry (tampering) can mislead it;
   * the next insert then lands in the hole and `verificar` reports the broken link there.
   */
  private buscarCabeza(): Promise<void> {
    this.busquedaCabeza ??= (async () => {
      if (this.cabeza.n > 0) return;
      let bajo = 0;
      let alto = 1;
      while (await this.repo.leer(alto)) [bajo, alto] = [alto, alto * 2];
      while (alto - bajo > 1) {
        const medio = Math.floor((bajo + alto) / 2);
        if (await this.repo.leer(medio)) bajo = medio;
        else alto = medio;
      }
      const e = bajo > 0 ? await this.repo.leer(bajo) : null;
      if (e) this.avanzar(e);
    })().catch((err: unknown) => {
      this.busquedaCabeza = null;
      throw err;
    });
    return this.busquedaCabeza;
  }

  /** Once per process: every stored entry into the index (and the head, again). */
  private cargar(): Promise<void> {
    this.carga ??= (async () => {
      for await (const e of this.repo.recorrer()) this.avanzar(e);
    })().catch((err: unknown) => {
      this.carga = null;
      throw err;
    });
    return this.carga;
  }

  private enCola<T>(tarea: () => Promise<T>): Promise<T> {
    const r = this.cola.then(tarea, tarea);
    this.cola = r.catch(() => undefined);
    return r;
  }
}

/** An entry as the chain will hold it, but for its place (n and hashes). */
function fechar(e: NuevaEntrada): Pendiente {
  return {
    fecha: (e.fecha ?? new Date()).toISOString(),
    actor: { id: e.actor.id, rol: e.actor.rol },
    accion: e.accion,
    recurso: { tipo: e.recurso.tipo, id: e.recurso.id },
    cambios: aJson(e.cambios),
  };
}

/** What makes two entries the same record of one change, wherever each one sits. */
function huella(e: Pendiente): string {
  const { fecha, actor, accion, recurso, cambios } = e;
  return jsonCanonico(aJson({ fecha, actor, accion, recurso, cambios }));
}

function mensaje(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
