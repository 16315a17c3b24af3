import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { Sha256ConSemilla } from './sha256-semilla';

const ascii = (largo: number): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
    minLength: largo,
    maxLength: largo,
  });

function primeros52(semilla: string, id: string): number {
  return parseInt(
    createHash('sha256').update(`${semilla}:${id}`, 'utf8').digest('hex').slice(0, 13),
    16,
  );
}

describe('Sha256ConSemilla', () => {
  it('da los 52 primeros bits de SHA-256(semilla:id) que da node:crypto, con cualquier ASCII', () => {
    fc.assert(
      fc.property(
        ascii(64),
        fc.array(ascii(24), { minLength: 1, maxLength: 20 }),
        (semilla, ids) => {
          const sha = new Sha256ConSemilla(semilla);
          for (const id of ids) expect(sha.primeros52Bits(id)).toBe(primeros52(semilla, id));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cubre los bits altos: valores por encima de 2^31 y de 2^51 aparecen y coinciden', () => {
    const semilla = 'f'.repeat(64);
    const sha = new Sha256ConSemilla(semilla);
    let altos = 0;
    for (let i = 0; i < 2000; i++) {
      const id = i.toString(16).padStart(24, '0');
      const n = sha.primeros52Bits(id);
      expect(n).toBe(primeros52(semilla, id));
      if (n >= 2 ** 51) altos++;
    }
    expect(altos).toBeGreaterThan(800);
  });

  it('rechaza una semilla o un id que no tienen el largo del mensaje precalculado', () => {
    expect(() => new Sha256ConSemilla('ab')).toThrow(/64 caracteres/);
    expect(() => new Sha256ConSemilla('é'.repeat(64))).toThrow(/ASCII/);
    expect(() => new Sha256ConSemilla('0'.repeat(64)).primeros52Bits('abc')).toThrow(
      /24 caracteres/,
    );
  });
});
