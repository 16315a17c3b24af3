import { interpretarFilas } from './filas-csv';

const fila = (n: number, valores: Record<string, string>) => ({ fila: n, valores });

describe('interpretarFilas', () => {
  it('turns cells into a spot: trimmed, booleans in words, blank as the default', () => {
    const { validas, errores } = interpretarFilas([
      fila(2, {
        codigo: ' S1-001 ',
        tipo: ' Carro ',
        discapacidad: 'Sí',
        zona: ' Sótano 1 ',
        activo: '',
      }),
      fila(3, { codigo: 'M-1', tipo: 'moto', discapacidad: '', zona: '', activo: 'no' }),
      fila(4, { codigo: 'C-1', tipo: 'carro', discapacidad: '1', zona: 'x', activo: 'TRUE' }),
    ]);
    expect(errores).toEqual([]);
    expect(validas).toEqual([
      {
        fila: 2,
        codigo: 'S1-001',
        cambios: { tipo: 'carro', discapacidad: true, zona: 'Sótano 1', activo: true },
        nuevo: {
          codigo: 'S1-001',
          tipo: 'carro',
          discapacidad: true,
          zona: 'Sótano 1',
          activo: true,
        },
      },
      {
        fila: 3,
        codigo: 'M-1',
        cambios: { tipo: 'moto', discapacidad: false, zona: null, activo: false },
        nuevo: { codigo: 'M-1', tipo: 'moto', discapacidad: false, zona: null, activo: false },
      },
      {
        fila: 4,
        codigo: 'C-1',
        cambios: { tipo: 'carro', discapacidad: true, zona: 'x', activo: true },
        nuevo: { codigo: 'C-1', tipo: 'carro', discapacidad: true, zona: 'x', activo: true },
      },
    ]);
  });

  it('changes only the columns the file has; a new spot takes the defaults for the rest', () => {
    const { validas } = interpretarFilas([fila(2, { codigo: 'A-1', tipo: 'moto' })]);
    expect(validas).toEqual([
      {
        fila: 2,
        codigo: 'A-1',
        cambios: { tipo: 'moto' },
        nuevo: { codigo: 'A-1', tipo: 'moto', discapacidad: false, zona: null, activo: true },
      },
    ]);
  });

  it('names the line and the field of every problem, one message per field', () => {
    const { validas, errores } = interpretarFilas([
      fila(2, { codigo: 'A 1', tipo: 'bus', discapacidad: 'quizá', zona: 'z'.repeat(41) }),
      fila(3, { codigo: 'M-1', tipo: 'moto', discapacidad: 'true', zona: '' }),
      fila(4, { codigo: 'C-1', tipo: 'carro', discapacidad: '', zona: '' }),
    ]);
    expect(validas.map((v) => v.codigo)).toEqual(['C-1']);
    expect(errores.map(({ fila: f, campo, code }) => [f, campo, code])).toEqual([
      [2, 'discapacidad', 'VALIDACION'],
      [2, 'codigo', 'VALIDACION'],
      [2, 'tipo', 'VALIDACION'],
      [2, 'zona', 'VALIDACION'],
      [3, 'discapacidad', 'VALIDACION'],
    ]);
    expect(errores[0].message).toContain('true o false');
    expect(errores[4].message).toBe(
      'discapacidad solo puede ser true en parqueaderos de tipo carro.',
    );
  });

  it('refuses a codigo repeated in the file on every later row, naming the first', () => {
    const { validas, errores } = interpretarFilas([
      fila(2, { codigo: 'A-1', tipo: 'carro' }),
      fila(3, { codigo: 'A-2', tipo: 'carro' }),
      fila(5, { codigo: ' A-1', tipo: 'moto' }),
      fila(6, { codigo: 'A-1', tipo: 'carro' }),
    ]);
    expect(validas.map((v) => v.fila)).toEqual([2, 3]);
    expect(errores).toEqual([
      {
        fila: 5,
        campo: 'codigo',
        code: 'PARQUEADERO_DUPLICADO',
        message: 'El código A-1 ya está en la fila 2.',
      },
      {
        fila: 6,
        campo: 'codigo',
        code: 'PARQUEADERO_DUPLICADO',
        message: 'El código A-1 ya está en la fila 2.',
      },
    ]);
  });
});
