/**
 * Keeps a refused registration (a taken email or documento) as slow as an accepted one, so the
 * time of the 202 does not tell them apart either. Both paths pay the password's bcrypt hash; the
 * accepted one also writes the resident and the account. This remembers how long those writes
 * took (a moving average, per instance) and makes the refused path wait out the difference.
 */
export class TiempoParejo {
  private mediaMs: number;

  constructor(
    inicialMs = 30,
    private readonly peso = 0.2,
    private readonly dormir: (ms: number) => Promise<void> = (ms) =>
      new Promise((r) => setTimeout(r, ms)),
  ) {
    this.mediaMs = inicialMs;
  }

  /** An accepted registration's writes took `ms`. */
  registrar(ms: number): void {
    this.mediaMs += this.peso * (ms - this.mediaMs);
  }

  /** A refused one has spent `transcurridoMs`: waits until the usual time of an accepted one. */
  async igualar(transcurridoMs: number): Promise<void> {
    const falta = this.mediaMs - transcurridoMs;
    if (falta > 0) await this.dormir(falta);
  }

  get media(): number {
    return this.mediaMs;
  }
}
