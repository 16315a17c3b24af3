/**
 * Named phase durations for one log line, each with the process's resident memory when it ended:
 * `reservar 1200 ms (rss 300 MB), calcular 300 ms (rss 320 MB), ...`.
 */
export class Cronometro {
  private ultimo: number;
  private readonly fases: Array<[string, number, number]> = [];

  constructor(
    private readonly ahora: () => number = Date.now,
    private readonly rss: () => number = () => process.memoryUsage.rss(),
  ) {
    this.ultimo = ahora();
  }

  marca(fase: string): void {
    const t = this.ahora();
    this.fases.push([fase, t - this.ultimo, Math.round(this.rss() / 2 ** 20)]);
    this.ultimo = t;
  }

  resumen(): string {
    return this.fases.map(([f, ms, mb]) => `${f} ${ms} ms (rss ${mb} MB)`).join(', ');
  }
}
