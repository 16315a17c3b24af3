import { conjuntoConfig } from './conjunto.config';
import { ConfiguracionInvalidaError } from './env-parsers';

describe('conjuntoConfig CONJUNTO_NOMBRE', () => {
  const original = process.env.CONJUNTO_NOMBRE;
  afterEach(() => {
    if (original === undefined) delete process.env.CONJUNTO_NOMBRE;
    else process.env.CONJUNTO_NOMBRE = original;
  });

  const con = (valor: string | undefined): string => {
    if (valor === undefined) delete process.env.CONJUNTO_NOMBRE;
    else process.env.CONJUNTO_NOMBRE = valor;
    return conjuntoConfig().nombre;
  };

  it('has a generic default, and keeps a given name trimmed and in NFC', () => {
    expect(con(undefined)).toBe('Conjunto residencial');
    expect(con('  Conjunto Reserva de los Andes P.H. ')).toBe('Conjunto Reserva de los Andes P.H.');
    expect(con('Conjunto Mirado\u0301r')).toBe('Conjunto Mirador'.replace('or', 'ór'));
  });

  it('refuses control characters and names too long to print', () => {
    expect(() => con('Conjunto\tA')).toThrow(ConfiguracionInvalidaError);
    expect(() => con('x'.repeat(121))).toThrow(/CONJUNTO_NOMBRE/);
  });
});
