import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { calcularClave, numeroAleatorio } from './numero-aleatorio';

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
        const u = numeroAleatorio(semilla, solicitudId);
        expect(u).toBe(segunLaEspecificacion(semilla, solicitudId));
        expect(u).toBeGreaterThan(0);
        expect(u).toBeLessThan(1);
      }),
    );
  });

  it('da lo mismo en un Node 20 sin crypto.hash, con createHash', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('node:crypto', () => ({
        ...jest.requireActual<object>('node:crypto'),
        hash: undefined,
      }));
      const sinHash = await import('./numero-aleatorio');
      fc.assert(
        fc.property(hex(32), hex(12), (semilla, solicitudId) => {
          expect(sinHash.numeroAleatorio(semilla, solicitudId)).toBe(
            segunLaEspecificacion(semilla, solicitudId),
          );
        }),
        { numRuns: 20 },
      );
    });
  });
});

describe('calcularClave', () => {
  it('es ln(u) / peso: negativa, y mayor con más peso', () => {
    expect(calcularClave(0.5, 2)).toBe(Math.log(0.5) / 2);
    expect(calcularClave(0.5, 4)).toBeGreaterThan(calcularClave(0.5, 2));
    expect(calcularClave(0.999, 1)).toBeLessThan(0);
  });
});
