const VENTANA_MS = 60_000;
/** Past this many tracked users, finished windows are swept out on the next request. */
const BARRIDO_DESDE = 10_000;

interface Ventana {
  inicio: number;
  cuenta: number;
}

/**
 * Requests per user per minute, in this process's memory: a fixed one-minute window that starts
 * with the user's first request. Deliberately per instance (documented in docs/seguridad.md): the
 * limit guards each server's CPU against one busy or stolen token, and a shared counter would cost
 * a database write on every request. With N instances behind a balancer a user gets at most N
 * times the limit.
 */
export class LimiteSolicitudes {
  private readonly ventanas = new Map<string, Ventana>();

  constructor(private readonly porMinuto: number) {}

  /** Counts one request; null when allowed, otherwise the seconds until the window ends. */
  registrar(usuarioId: string, ahoraMs: number): number | null {
    if (this.ventanas.size > BARRIDO_DESDE) this.barrer(ahoraMs);
    let v = this.ventanas.get(usuarioId);
    if (!v || ahoraMs - v.inicio >= VENTANA_MS) {
      v = { inicio: ahoraMs, cuenta: 0 };
      this.ventanas.set(usuarioId, v);
    }
    v.cuenta += 1;
    if (v.cuenta <= this.porMinuto) return null;
    return Math.max(1, Math.ceil((v.inicio + VENTANA_MS - ahoraMs) / 1000));
  }

  get usuariosSeguidos(): number {
    return this.ventanas.size;
  }

  private barrer(ahoraMs: number): void {
    for (const [id, v] of this.ventanas) {
      if (ahoraMs - v.inicio >= VENTANA_MS) this.ventanas.delete(id);
    }
  }
}
