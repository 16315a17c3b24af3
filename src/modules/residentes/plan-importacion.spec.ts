import { leerCsv } from 'src/shared/csv/leer-csv';
import { FORMATO_CSV_RESIDENTES, interpretarFilas } from './filas-csv';
import { Existentes, planificar } from './plan-importacion';
import type { ResidenteEntidad } from './residente.entity';

const filas = (...lineas: string[]) =>
  interpretarFilas(
    leerCsv(
      ['nombre,documento_tipo,documento_numero,email,torre,apartamento,tipo', ...lineas].join('\n'),
      FORMATO_CSV_RESIDENTES,
    ).filas,
  ).validas;

function residente(id: string, numero: string, over: Partial<ResidenteEntidad> = {}) {
  const r: ResidenteEntidad = {
    id,
    nombre: 'Ana',
    documento: { tipo: 'CC', numero },
    email: null,
    telefono: null,
    torre: 'A',
    apartamento: '1',
    tipo: 'propietario',
    fechaIngreso: null,
    fechaNacimiento: null,
    discapacidad: false,
    alDia: true,
    activo: true,
    cuenta: 'sin_cuenta',
    registro: null,
    version: 0,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...over,
  };
  return r;
}

function existentes(lista: ResidenteEntidad[], personal: string[] = [], conCuenta: string[] = []) {
  const e: Existentes = {
    porDocumento: new Map(lista.map((r) => [`residente:documento:CC:${r.documento.numero}`, r])),
    duenosEmail: new Map([
      ...lista.flatMap((r): Array<[string, string]> => (r.email ? [[r.email, r.id]] : [])),
      ...personal.map((p): [string, null] => [p, null]),
    ]),
    conCuenta: new Set(conCuenta),
  };
  return e;
}

describe('planificar (residentes)', () => {
  it('creates the new, updates the changed, counts the rest', () => {
    const plan = planificar(
      filas(
        'Ana,CC,111,,A,1,propietario',
        'Ana,CC,222,,B,1,propietario',
        'Ana,CC,333,,A,1,propietario',
      ),
      existentes([residente('r1', '111'), residente('r2', '222')]),
    );
    expect(plan.crear.map((f) => f.fila)).toEqual([4]);
    expect(plan.actualizar).toEqual([
      { fila: 3, actual: expect.objectContaining({ id: 'r2' }), cambios: { torre: 'B' } },
    ]);
    expect(plan.sinCambios).toBe(1);
    expect(plan.errores).toEqual([]);
  });

  it("refuses another resident's or a staff account's email, and removing an email", () => {
    const plan = planificar(
      filas(
        'Ana,CC,111,b@x.co,A,1,propietario',
        'Ana,CC,333,staff@x.co,A,1,propietario',
        'Ana,CC,222,,A,1,propietario',
        'Ana,CC,444,a@x.co,A,1,propietario',
      ),
      existentes(
        [residente('r1', '111', { email: 'a@x.co' }), residente('r2', '222', { email: 'b@x.co' })],
        ['staff@x.co'],
      ),
    );
    expect(plan.errores.map((e) => [e.fila, e.campo, e.code])).toEqual([
      [2, 'email', 'RESIDENTE_DUPLICADO'],
      [3, 'email', 'RESIDENTE_DUPLICADO'],
      [4, 'email', 'VALIDACION'],
      [5, 'email', 'RESIDENTE_DUPLICADO'],
    ]);
  });

  it('lists unchanged residents whose account an interrupted import never created', () => {
    const pendiente = { email: 'a@x.co', cuenta: 'pendiente_activacion' as const };
    const plan = planificar(
      filas('Ana,CC,111,a@x.co,A,1,propietario', 'Ana,CC,222,b@x.co,A,1,propietario'),
      existentes(
        [
          residente('r1', '111', pendiente),
          residente('r2', '222', { ...pendiente, email: 'b@x.co' }),
        ],
        [],
        ['r2'],
      ),
    );
    expect(plan.sinCambios).toBe(2);
    expect(plan.sinCuenta).toEqual([{ residenteId: 'r1', email: 'a@x.co' }]);
  });
});
