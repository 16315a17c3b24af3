import { ValidacionError } from 'src/shared/errors/domain-error';
import { delimitadorDe, FormatoCsv, leerCsv } from './leer-csv';

const FORMATO: FormatoCsv = {
  campos: ['codigo', 'tipo', 'zona'],
  obligatorios: ['codigo', 'tipo'],
  maxFilas: 3,
};

const mensajeDe = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidacionError);
    return (err as Error).message;
  }
  throw new Error('no lanzó');
};

describe('leerCsv', () => {
  it('reads a comma file with its header and the line each row starts on', () => {
    const t = leerCsv('codigo,tipo,zona\nS1-001,carro,Sótano 1\nM-01,moto,\n', FORMATO);
    expect(t).toEqual({
      columnas: ['codigo', 'tipo', 'zona'],
      filas: [
        { fila: 2, valores: { codigo: 'S1-001', tipo: 'carro', zona: 'Sótano 1' } },
        { fila: 3, valores: { codigo: 'M-01', tipo: 'moto', zona: '' } },
      ],
      errores: [],
    });
  });

  it('drops a BOM, detects ";" from the header and reads CRLF lines', () => {
    const t = leerCsv('\uFEFFcodigo;tipo\r\nA-1;carro\r\nA-2;moto', FORMATO);
    expect(t.columnas).toEqual(['codigo', 'tipo']);
    expect(t.filas).toEqual([
      { fila: 2, valores: { codigo: 'A-1', tipo: 'carro' } },
      { fila: 3, valores: { codigo: 'A-2', tipo: 'moto' } },
    ]);
  });

  it('keeps delimiters and quotes inside quoted cells, and numbers rows by their first line', () => {
    const t = leerCsv(
      'codigo;tipo;zona\n"A;1";carro;"Torre ""B"""\n"A-2";moto;"dos\nlíneas"\n\nA-3;moto;x\n',
      FORMATO,
    );
    expect(t.filas).toEqual([
      { fila: 2, valores: { codigo: 'A;1', tipo: 'carro', zona: 'Torre "B"' } },
      { fila: 6, valores: { codigo: 'A-3', tipo: 'moto', zona: 'x' } },
    ]);
    // A line break is a control character outside the free-text fields: the row starting on line 3.
    expect(t.errores).toEqual([
      { fila: 3, campo: 'zona', code: 'VALIDACION', message: expect.stringMatching(/^zona /) },
    ]);
  });

  it('skips blank lines and rows of empty cells, but counts their lines', () => {
    const t = leerCsv('codigo,tipo\n\n,\n  ,  \nA-1,carro\n', FORMATO);
    expect(t.filas).toEqual([{ fila: 5, valores: { codigo: 'A-1', tipo: 'carro' } }]);
  });

  it('matches header names ignoring case and blanks, in any order', () => {
    const t = leerCsv(' Tipo ,CODIGO\nmoto,M-1\n', FORMATO);
    expect(t.columnas).toEqual(['tipo', 'codigo']);
    expect(t.filas[0].valores).toEqual({ tipo: 'moto', codigo: 'M-1' });
  });

  it('normalises text to NFC', () => {
    const t = leerCsv('codigo,tipo,zona\nA-1,carro,So\u0301tano\n', FORMATO);
    expect(t.filas[0].valores.zona).toBe('S\u00f3tano');
  });

  it('lists a row with the wrong number of cells or a control character as a row error', () => {
    const t = leerCsv('codigo,tipo,zona\nA-1,carro\nA-2,moto,a\tb\nA-3,moto,ok\n', FORMATO);
    expect(t.filas.map((f) => f.fila)).toEqual([4]);
    expect(t.errores).toEqual([
      { fila: 2, campo: '', code: 'VALIDACION', message: expect.stringContaining('2 campos') },
      { fila: 3, campo: 'zona', code: 'VALIDACION', message: expect.stringMatching(/^zona /) },
    ]);
  });

  it('refuses a file it cannot read as a whole', () => {
    expect(mensajeDe(() => leerCsv('', FORMATO))).toContain('vacío');
    expect(mensajeDe(() => leerCsv('\uFEFF\n\n', FORMATO))).toContain('vacío');
    expect(mensajeDe(() => leerCsv('codigo,tipo,color\n', FORMATO))).toContain('"color"');
    expect(mensajeDe(() => leerCsv('codigo,zona\n', FORMATO))).toContain('tipo');
    expect(mensajeDe(() => leerCsv('codigo,tipo,Codigo\n', FORMATO))).toContain('repite');
    expect(mensajeDe(() => leerCsv('codigo,tipo\n"A-1,carro\n', FORMATO))).toContain('comillas');
    const cuatro = 'codigo,tipo\n' + ['A,carro', 'B,carro', 'C,carro', 'D,carro'].join('\n');
    expect(mensajeDe(() => leerCsv(cuatro, FORMATO))).toContain('como máximo 3');
  });

  it('takes the delimiter from the header line only', () => {
    expect(delimitadorDe('a,b,c\nx;y;z;w')).toBe(',');
    expect(delimitadorDe('a;b\r\n1,5;2')).toBe(';');
    expect(delimitadorDe('codigo')).toBe(',');
  });
});
