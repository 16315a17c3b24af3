import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, Length, ValidateNested, validateSync } from 'class-validator';
import type { ErrorFila } from './leer-csv';
import { booleano, erroresDeDto, leerBooleanos, PrimeraAparicion, soloErrores } from './celdas';

class Hijo {
  @IsIn(['A', 'B'], { message: 'hijo.tipo no es válido.' }) tipo!: string;
}
class Padre {
  @Length(2, 5, { message: 'nombre no es válido.' }) nombre!: string;
  @ValidateNested() @Type(() => Hijo) hijo!: Hijo;
}

describe('celdas', () => {
  it('reads yes/no in words and numbers; blank is the default; anything else is null', () => {
    expect(['Sí', 'si', 'TRUE', '1'].map((t) => booleano(t, false))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['No', 'false', '0'].map((t) => booleano(t, true))).toEqual([false, false, false]);
    expect([booleano('  ', true), booleano('', false), booleano('quizá', true)]).toEqual([
      true,
      false,
      null,
    ]);
  });

  it('puts the booleans of the columns the row has into the plain object, with one error per bad cell', () => {
    const plano: Record<string, unknown> = {};
    const errores = leerBooleanos(
      7,
      { a: 'sí', b: 'tal vez' },
      [
        ['a', false],
        ['b', true],
        ['c', true],
      ],
      plano,
    );
    expect(plano).toEqual({ a: true });
    expect(errores).toEqual([
      { fila: 7, campo: 'b', code: 'VALIDACION', message: expect.any(String) },
    ]);
  });

  it("names a nested property's error by its column, and keeps a column's earlier error", () => {
    const dto = plainToInstance(Padre, { nombre: 'x', hijo: { tipo: 'Z' } });
    const previo: ErrorFila = { fila: 3, campo: 'nombre', code: 'VALIDACION', message: 'antes' };
    expect(erroresDeDto(3, validateSync(dto), [previo])).toEqual([
      previo,
      { fila: 3, campo: 'hijo_tipo', code: 'VALIDACION', message: 'hijo.tipo no es válido.' },
    ]);
  });

  it('reports a repeated key on every later row, naming the first', () => {
    const primeras = new PrimeraAparicion();
    const errores: ErrorFila[] = [];
    const error = (anterior: number) => ({
      campo: 'k',
      code: 'VALIDACION' as const,
      message: `ya en ${anterior}`,
    });
    expect(
      [2, 3, 5].map((fila) => primeras.registrar(fila === 3 ? 'y' : 'x', fila, error, errores)),
    ).toEqual([true, true, false]);
    expect(errores).toEqual([{ fila: 5, campo: 'k', code: 'VALIDACION', message: 'ya en 2' }]);
  });

  it('answers a file with errors with zero counts and the errors by line, then field', () => {
    const e = (fila: number, campo: string): ErrorFila => ({
      fila,
      campo,
      code: 'VALIDACION',
      message: '',
    });
    expect(soloErrores([e(4, 'b'), e(2, 'z'), e(4, 'a')])).toEqual({
      creados: 0,
      actualizados: 0,
      sinCambios: 0,
      errores: [e(2, 'z'), e(4, 'a'), e(4, 'b')],
    });
  });
});
