import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { calcularClave, numerosAleatorios } from './numero-aleatorio';

const hex = (bytes: number): fc.Arbitrary<string> =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('hex'));

/** SORTEO.md read literally, with the slow but obvious createHash. */
function segunLaEspecificacion(semilla: string, solicitudId: string): number {
  const h = createHash('sha256').update(`${semilla}:${solicitudId}`, 'utf8').digest('hex');
  return (parseInt(h.slice(0, 13), 16) + 0.5) / 2 ** 52;
}

describe('numeroAleatorio', () => {
  it('es (n + 0.5) / 2^52 con n = los 13 primeros dígitos de SHA-256(semilla:solicitudId)', () => {
    fc.assert(
      fc.property(hex(32), hex(12), (semilla, solicitudId) => {
        const u = numerosAleatorios(semilla)(solicitudId);
        expect(u).toBe(segunLaEspecificacion(semilla, solicitudId));
        expect(u).toBeGreaterThan(0);
        expect(u).toBeLessThan(1);
      }),
    );
  });

  it('da lo mismo para muchos ids con la misma semilla (el bloque de la semilla se reutiliza)', () => {
    fc.assert(
      fc.property(hex(32), fc.array(hex(12), { minLength: 2, maxLength: 50 }), (semilla, ids) => {
        const numero = numerosAleatorios(semilla);
        for (const id of ids) expect(numero(id)).toBe(segunLaEspecificacion(semilla, id));
      }),
    );
  });
});

describe('calcularClave', () => {
  it('es ln(u) / peso: negativa, y mayor con más peso', () => {
    expect(calcularClave(0.5, 2)).toBe(Math.log(0.5) / 2);
    expect(calcularClave(0.5, 4)).toBeGreaterThan(calcularClave(0.5, 2));
    expect(calcularClave(0.999, 1)).toBeLessThan(0);
  });
});
