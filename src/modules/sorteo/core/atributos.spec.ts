import { calcularAniosResidencia, edadEnAnios, esAdultoMayor } from './atributos';

const instante = (iso: string): Date => new Date(iso);

describe('edadEnAnios y esAdultoMayor', () => {
  it.each([
    ['el día antes del cumpleaños', '2024-06-14T23:59:59.999Z', 59, false],
    ['el día del cumpleaños, a medianoche UTC', '2024-06-15T00:00:00.000Z', 60, true],
    ['el día después del cumpleaños', '2024-06-16T12:00:00.000Z', 60, true],
    // 03:00 UTC is still June 14th in Bogotá: SORTEO.md counts the UTC calendar date.
    [
      'por fecha UTC aunque en Colombia aún sea el día anterior',
      '2024-06-15T03:00:00.000Z',
      60,
      true,
    ],
  ])('%s', (_caso, iso, edad, mayor) => {
    expect(edadEnAnios('1964-06-15', instante(iso))).toBe(edad);
    expect(esAdultoMayor('1964-06-15', instante(iso), 60)).toBe(mayor);
  });

  it.each([
    ['28 de febrero de un año común: aún no', '2023-02-28T12:00:00Z', 22],
    ['1 de marzo de un año común: ya', '2023-03-01T00:00:00Z', 23],
    ['28 de febrero de un año bisiesto: aún no', '2024-02-28T23:59:59Z', 23],
    ['29 de febrero de un año bisiesto: ya', '2024-02-29T00:00:00Z', 24],
  ])('nacido el 29 de febrero, %s', (_caso, iso, edad) => {
    expect(edadEnAnios('2000-02-29', instante(iso))).toBe(edad);
  });

  it('sin fecha de nacimiento no es adulto mayor', () => {
    expect(esAdultoMayor(null, instante('2024-01-01T00:00:00Z'), 40)).toBe(false);
    expect(esAdultoMayor(undefined, instante('2024-01-01T00:00:00Z'), 40)).toBe(false);
  });

  it('una fecha de nacimiento futura da una edad negativa, nunca adulto mayor', () => {
    expect(edadEnAnios('2030-01-01', instante('2024-01-01T00:00:00Z'))).toBe(-6);
    expect(esAdultoMayor('2030-01-01', instante('2024-01-01T00:00:00Z'), 40)).toBe(false);
  });

  it.each(['2023-02-29', '1964-13-01', '1964-6-15', '15/06/1964', ''])(
    'rechaza la fecha "%s"',
    (fecha) => {
      expect(() => edadEnAnios(fecha, instante('2024-01-01T00:00:00Z'))).toThrow(/Fecha inválida/);
    },
  );

  it('rechaza un instante inválido', () => {
    expect(() => edadEnAnios('1964-06-15', new Date('no es fecha'))).toThrow(/Instante/);
  });
});

describe('calcularAniosResidencia', () => {
  it.each([
    ['sin fecha de ingreso', null, '2024-05-10T00:00:00Z', 0],
    ['con fecha de ingreso futura', '2025-01-01', '2024-05-10T00:00:00Z', 0],
    ['ingresó hoy', '2024-05-10', '2024-05-10T00:00:00Z', 0],
    ['un día antes del aniversario', '2014-05-11', '2024-05-10T23:00:00Z', 9],
    ['el día del aniversario', '2014-05-10', '2024-05-10T00:00:00Z', 10],
    [
      'ingresó un 29 de febrero, el 28 de febrero siguiente',
      '2020-02-29',
      '2021-02-28T00:00:00Z',
      0,
    ],
    ['ingresó un 29 de febrero, el 1 de marzo siguiente', '2020-02-29', '2021-03-01T00:00:00Z', 1],
  ])('%s', (_caso, fechaIngreso, iso, anios) => {
    expect(calcularAniosResidencia(fechaIngreso, instante(iso))).toBe(anios);
  });
});
