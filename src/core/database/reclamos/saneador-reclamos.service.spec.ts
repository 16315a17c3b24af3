import type { ReclamosRepository } from './reclamos.repository';
import { GRACIA_RECLAMO_MS, Respaldo, SaneadorReclamos } from './saneador-reclamos.service';

const AHORA = new Date('2026-06-01T12:00:00Z');
const hace = (ms: number): Date => new Date(AHORA.getTime() - ms);
const VIEJO = GRACIA_RECLAMO_MS + 1;
const JOVEN = GRACIA_RECLAMO_MS - 1;

/** Claims in memory: an insert of a taken key fails, like the unique `_id` of `reclamos`. */
class ReclamosEnMemoria {
  readonly claves = new Map<string, { dueno: string; creadoEn: Date }>();
  readonly liberadas: string[] = [];

  reclamarTodasIdempotente(claves: string[], dueno: string): Promise<string | null> {
    const ajena = claves.find((c) => this.claves.has(c) && this.claves.get(c)!.dueno !== dueno);
    if (ajena) return Promise.resolve(ajena);
    for (const c of claves) this.claves.set(c, { dueno, creadoEn: AHORA });
    return Promise.resolve(null);
  }
  leer(clave: string): Promise<{ dueno: string; creadoEn: Date } | null> {
    return Promise.resolve(this.claves.get(clave) ?? null);
  }
  liberar(claves: string[], dueno: string): Promise<void> {
    for (const c of claves) {
      if (this.claves.get(c)?.dueno !== dueno) continue;
      this.claves.delete(c);
      this.liberadas.push(c);
    }
    return Promise.resolve();
  }
}

function montar(creadoEn: Date): { repo: ReclamosEnMemoria; saneador: SaneadorReclamos } {
  const repo = new ReclamosEnMemoria();
  repo.claves.set('placa:ABC123', { dueno: 'viejo', creadoEn });
  const reloj = { ahora: () => AHORA };
  return {
    repo,
    saneador: new SaneadorReclamos(repo as unknown as ReclamosRepository, reloj),
  };
}

async function reclamar(creadoEn: Date, respaldo: Respaldo) {
  const { repo, saneador } = montar(creadoEn);
  const consultas: Array<[string, string]> = [];
  const rechazada = await saneador.reclamarTodas(['placa:ABC123'], 'nuevo', (c, otro) => {
    consultas.push([c, otro]);
    return Promise.resolve(respaldo);
  });
  return { rechazada, repo, consultas };
}

describe('SaneadorReclamos', () => {
  it('asks the holder about the refusing key, and refuses while the holder backs it', async () => {
    const r = await reclamar(hace(10 * VIEJO), { respaldada: true, cambiadoEn: hace(VIEJO) });
    expect(r.consultas).toEqual([['placa:ABC123', 'viejo']]);
    expect(r.rechazada).toBe('placa:ABC123');
    expect(r.repo.liberadas).toEqual([]);
  });

  it('heals an old claim whose holder no longer backs it, then wins the key', async () => {
    const r = await reclamar(hace(VIEJO), { respaldada: false, cambiadoEn: hace(VIEJO) });
    expect(r.rechazada).toBeNull();
    expect(r.repo.liberadas).toEqual(['placa:ABC123']);
    expect(r.repo.claves.get('placa:ABC123')?.dueno).toBe('nuevo');
  });

  it('heals an old claim whose holder does not exist', async () => {
    const r = await reclamar(hace(VIEJO), { respaldada: false, cambiadoEn: null });
    expect(r.rechazada).toBeNull();
    expect(r.repo.claves.get('placa:ABC123')?.dueno).toBe('nuevo');
  });

  it('leaves a young claim alone: its creation may still be in flight', async () => {
    const r = await reclamar(hace(JOVEN), { respaldada: false, cambiadoEn: null });
    expect(r.rechazada).toBe('placa:ABC123');
    expect(r.repo.liberadas).toEqual([]);
  });

  it('leaves an old claim alone while its holder changed within the grace period', async () => {
    const r = await reclamar(hace(10 * VIEJO), { respaldada: false, cambiadoEn: hace(JOVEN) });
    expect(r.rechazada).toBe('placa:ABC123');
    expect(r.repo.liberadas).toEqual([]);
  });

  it("releases at once what the holder calls 'liberable', however young", async () => {
    const r = await reclamar(hace(0), 'liberable');
    expect(r.rechazada).toBeNull();
    expect(r.repo.liberadas).toEqual(['placa:ABC123']);
  });

  it('gives up after one healing per key when the key keeps being taken', async () => {
    const { repo, saneador } = montar(hace(VIEJO));
    let consultas = 0;
    const rechazada = await saneador.reclamarTodas(['placa:ABC123'], 'nuevo', () => {
      consultas++;
      // Someone else takes the key again right after each release.
      queueMicrotask(() =>
        repo.claves.set('placa:ABC123', { dueno: 'otro', creadoEn: hace(VIEJO) }),
      );
      return Promise.resolve({ respaldada: false, cambiadoEn: null });
    });
    expect(consultas).toBe(2);
    expect(rechazada).toBe('placa:ABC123');
  });

  it('reciente compares with the injected clock', () => {
    const { saneador } = montar(AHORA);
    expect(saneador.reciente(hace(JOVEN))).toBe(true);
    expect(saneador.reciente(hace(GRACIA_RECLAMO_MS))).toBe(false);
  });
});
