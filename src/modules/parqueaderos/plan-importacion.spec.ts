import { interpretarFilas } from './filas-csv';
import type { ParqueaderoEntidad } from './parqueadero.entity';
import { planificar } from './plan-importacion';

const FECHA = new Date('2026-01-01T00:00:00Z');

function guardado(codigo: string, over: Partial<ParqueaderoEntidad> = {}): ParqueaderoEntidad {
  return {
    id: `id-${codigo}`,
    codigo,
    tipo: 'carro',
    discapacidad: false,
    zona: null,
    activo: true,
    version: 0,
    createdAt: FECHA,
    updatedAt: FECHA,
    ...over,
  };
}

const filas = (...lineas: Array<Record<string, string>>) =>
  interpretarFilas(lineas.map((valores, i) => ({ fila: i + 2, valores }))).validas;

describe('planificar', () => {
  it('creates the unknown codigos, updates the changed and counts the rest', () => {
    const existentes = new Map([
      ['A-1', guardado('A-1', { zona: 'Norte' })],
      ['A-2', guardado('A-2', { discapacidad: true })],
    ]);
    const plan = planificar(
      filas(
        { codigo: 'A-1', tipo: 'carro', zona: 'Norte' },
        { codigo: 'A-2', tipo: 'carro', zona: 'Sur' },
        { codigo: 'A-3', tipo: 'moto', zona: '' },
      ),
      existentes,
    );
    expect(plan.crear.map((f) => f.codigo)).toEqual(['A-3']);
    expect(plan.actualizar).toEqual([
      { fila: 3, actual: existentes.get('A-2'), cambios: { zona: 'Sur' } },
    ]);
    expect(plan.sinCambios).toBe(1);
    expect(plan.errores).toEqual([]);
  });

  it('refuses a row that would leave a reserved spot as a moto one', () => {
    const existentes = new Map([['R-1', guardado('R-1', { discapacidad: true })]]);
    const sinColumna = planificar(filas({ codigo: 'R-1', tipo: 'moto' }), existentes);
    expect(sinColumna.errores).toEqual([
      { fila: 2, campo: 'tipo', code: 'VALIDACION', message: expect.stringContaining('R-1') },
    ]);
    expect(sinColumna.actualizar).toEqual([]);
    const conColumna = planificar(
      filas({ codigo: 'R-1', tipo: 'moto', discapacidad: 'false' }),
      existentes,
    );
    expect(conColumna.errores).toEqual([]);
    expect(conColumna.actualizar[0].cambios).toEqual({ tipo: 'moto', discapacidad: false });
  });
});
