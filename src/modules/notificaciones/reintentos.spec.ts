import { despuesDeFallo, esperaTrasFallo } from './reintentos';

const PRODUCCION = { baseMs: 15_000, maxMs: 3_600_000 };

describe('esperaTrasFallo', () => {
  it('waits 15 s after the first failure and doubles up to one hour', () => {
    const esperas = Array.from({ length: 12 }, (_, i) => esperaTrasFallo(i + 1, PRODUCCION));
    expect(esperas.slice(0, 4)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(esperas[8]).toBe(3_600_000); // 15 s · 2^8 = 64 min, capped
    expect(Math.max(...esperas)).toBe(3_600_000);
  });

  it('stays finite however many tries', () => {
    expect(esperaTrasFallo(5000, PRODUCCION)).toBe(3_600_000);
  });

  it('refuses a try number below 1', () => {
    expect(() => esperaTrasFallo(0, PRODUCCION)).toThrow(RangeError);
  });

  it('keeps trying for the whole 24-hour window, then gives up', () => {
    const inicio = new Date('2026-01-01T00:00:00Z');
    const venceEn = new Date(inicio.getTime() + 86_400_000);
    let ahora = inicio;
    let intento = 0;
    for (;;) {
      intento += 1;
      const d = despuesDeFallo(intento, ahora, venceEn, PRODUCCION);
      if (d.estado === 'fallida') break;
      ahora = d.proximoIntento;
    }
    expect(ahora.getTime()).toBeGreaterThanOrEqual(venceEn.getTime());
    // 15 s … 32 min (8 tries, ~64 min in all), then hourly for the rest of the day.
    expect(intento).toBeGreaterThan(24);
    expect(intento).toBeLessThan(36);
  });
});
