import type { EntradaAuditoria } from './entrada-auditoria';

/** What a list may filter on (API.md): every field optional, dates as instants. */
export interface FiltroAuditoria {
  accion?: string;
  recursoTipo?: string;
  recursoId?: string;
  actor?: string;
  desde?: Date;
  hasta?: Date;
}

/** One entry as the index keeps it: the filterable fields only (tens of bytes, not the entry). */
interface Fila {
  fechaMs: number;
  accion: string;
  recursoTipo: string;
  recursoId: string | null;
  actorId: string;
}

/**
 * The log's entries never change legitimately, so each instance keeps a compact index of all of
 * them (filters and paging are answered here, in memory) and the newest entries whole (a page of
 * the newest needs no read at all). On FerretDB any filter, sort or count would decode the whole
 * collection per request. Strings are interned so 100,000 entries share a few hundred of them.
 */
export class IndiceAuditoria {
  private readonly filas: (Fila | undefined)[] = [];
  private readonly recientes = new Map<number, EntradaAuditoria>();
  private readonly textos = new Map<string, string>();
  private maximo = 0;

  constructor(private readonly enCache: number) {}

  /** The highest n seen (0 when empty). */
  get ultimo(): number {
    return this.maximo;
  }

  tiene(n: number): boolean {
    return this.filas[n] !== undefined;
  }

  agregar(e: EntradaAuditoria): void {
    if (!Number.isSafeInteger(e.n) || e.n < 1) return;
    this.filas[e.n] = {
      fechaMs: Date.parse(e.fecha),
      accion: this.interno(e.accion),
      recursoTipo: this.interno(e.recurso?.tipo ?? ''),
      recursoId: e.recurso?.id ?? null,
      actorId: this.interno(e.actor?.id ?? ''),
    };
    if (e.n > this.maximo) this.maximo = e.n;
    if (e.n > this.maximo - this.enCache) this.recientes.set(e.n, e);
    if (this.recientes.size > this.enCache * 2) this.podar();
  }

  /** A cached entry, or undefined (older ones are read from storage by n). */
  entrada(n: number): EntradaAuditoria | undefined {
    return this.recientes.get(n);
  }

  /** The page's numbers (newest first) and the total matching. */
  buscar(f: FiltroAuditoria, page: number, limit: number): { ns: number[]; total: number } {
    const desde = f.desde?.getTime() ?? -Infinity;
    const hasta = f.hasta?.getTime() ?? Infinity;
    const salto = (page - 1) * limit;
    const ns: number[] = [];
    let total = 0;
    for (let n = this.maximo; n >= 1; n--) {
      const r = this.filas[n];
      if (!r) continue;
      if (f.accion !== undefined && r.accion !== f.accion) continue;
      if (f.recursoTipo !== undefined && r.recursoTipo !== f.recursoTipo) continue;
      if (f.recursoId !== undefined && r.recursoId !== f.recursoId) continue;
      if (f.actor !== undefined && r.actorId !== f.actor) continue;
      if (r.fechaMs < desde || r.fechaMs > hasta) continue;
      if (total >= salto && ns.length < limit) ns.push(n);
      total++;
    }
    return { ns, total };
  }

  private podar(): void {
    for (const n of this.recientes.keys()) {
      if (n <= this.maximo - this.enCache) this.recientes.delete(n);
    }
  }

  private interno(s: string): string {
    const ya = this.textos.get(s);
    if (ya !== undefined) return ya;
    if (this.textos.size < 100_000) this.textos.set(s, s);
    return s;
  }
}
