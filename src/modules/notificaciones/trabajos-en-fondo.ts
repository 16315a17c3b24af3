import type { Logger } from '@nestjs/common';

/**
 * Background enqueuing jobs keyed by what they notify (a draw, a close): one run per key at a time
 * in this instance, a second call joins the running one. `lanzar` is for event listeners, which
 * must not make the request wait: a failure is logged, and the start-up sweep repeats the job.
 */
export class TrabajosEnFondo {
  private readonly enCurso = new Map<string, Promise<number>>();

  constructor(private readonly logger: Logger) {}

  correr(clave: string, trabajo: () => Promise<number>): Promise<number> {
    let p = this.enCurso.get(clave);
    if (!p) {
      p = trabajo().finally(() => this.enCurso.delete(clave));
      this.enCurso.set(clave, p);
    }
    return p;
  }

  lanzar(clave: string, trabajo: () => Promise<number>, queFalta: string): void {
    void this.correr(clave, trabajo).catch((err: unknown) =>
      this.logger.warn(`${queFalta}: ${(err as Error).message}`),
    );
  }
}
