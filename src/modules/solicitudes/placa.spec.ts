import { normalizarPlaca, placaValida } from './placa';

describe('placa', () => {
  it('normalises case, spaces and dashes', () => {
    expect(normalizarPlaca('abc-123')).toBe('ABC123');
    expect(normalizarPlaca(' abc 12d ')).toBe('ABC12D');
  });

  it.each([
    ['ABC123', 'carro', true],
    ['ABC12D', 'carro', false],
    ['ABC12', 'carro', false],
    ['ABC12D', 'moto', true],
    ['ABC12', 'moto', true],
    ['ABC123', 'moto', false],
    ['AB1234', 'carro', false],
  ] as const)('%s as %s → %s', (placa, tipo, ok) => {
    expect(placaValida(placa, tipo)).toBe(ok);
  });
});
