import { leerCsv } from 'src/shared/csv/leer-csv';
import { FORMATO_CSV_RESIDENTES, interpretarFilas } from './filas-csv';

const leer = (texto: string) => interpretarFilas(leerCsv(texto, FORMATO_CSV_RESIDENTES).filas);

const CABECERA =
  'nombre;documento_tipo;documento_numero;email;telefono;torre;apartamento;tipo;fechaIngreso;fechaNacimiento;discapacidad;alDia';

describe('interpretarFilas (residentes)', () => {
  it('turns a row into the POST DTO and the changes of the columns it has', () => {
    const { validas, errores } = leer(
      `${CABECERA}\n Ana María ;cc; 10203040 ;Ana@Example.COM; 300 123 4567 ;a;501;Propietario;2019-03-01;;Sí;no\n`,
    );
    expect(errores).toEqual([]);
    expect(validas).toHaveLength(1);
    const [f] = validas;
    expect(f.fila).toBe(2);
    expect(f.clave).toBe('residente:documento:CC:10203040');
    expect(f.cambios).toEqual({
      nombre: 'Ana María',
      documento: { tipo: 'CC', numero: '10203040' },
      email: 'ana@example.com',
      telefono: '300 123 4567',
      torre: 'A',
      apartamento: '501',
      tipo: 'propietario',
      fechaIngreso: '2019-03-01',
      fechaNacimiento: null,
      discapacidad: true,
      alDia: false,
    });
    expect(f.dto).toMatchObject({ email: 'ana@example.com', fechaIngreso: '2019-03-01' });
    expect(f.dto.fechaNacimiento).toBeUndefined();
  });

  it('leaves out of the changes the columns the file does not have; blank booleans are the defaults', () => {
    const { validas } = leer(
      'documento_tipo,documento_numero,nombre,torre,apartamento,tipo,alDia\nPA,X123,Luis,B,1,arrendatario,\n',
    );
    expect(validas[0].cambios).toEqual({
      nombre: 'Luis',
      documento: { tipo: 'PA', numero: 'X123' },
      torre: 'B',
      apartamento: '1',
      tipo: 'arrendatario',
      alDia: true,
    });
  });

  it('names every bad cell by its column (the documento as documento_tipo, documento_numero)', () => {
    const { validas, errores } = leer(
      `${CABECERA}\nA;XX;1;correo;12;Torre A;501;dueño;2019-13-01;2999-01-01;talvez;\n`,
    );
    expect(validas).toEqual([]);
    expect(errores.map((e) => e.campo).sort()).toEqual([
      'discapacidad',
      'documento_numero',
      'documento_tipo',
      'email',
      'fechaIngreso',
      'fechaNacimiento',
      'nombre',
      'telefono',
      'tipo',
      'torre',
    ]);
    expect(errores.every((e) => e.fila === 2 && e.code === 'VALIDACION')).toBe(true);
  });

  it('refuses a documento or an email the file repeats, naming the first line', () => {
    const fila = (doc: string, email: string) => `Ana;CC;${doc};${email};;A;1;propietario;;;;`;
    const { validas, errores } = leer(
      [
        CABECERA,
        fila('111', 'a@x.co'),
        fila('222', 'A@x.co'),
        fila('111', ''),
        fila('333', ''),
      ].join('\n'),
    );
    expect(validas.map((v) => v.fila)).toEqual([2, 5]);
    expect(errores).toEqual([
      {
        fila: 3,
        campo: 'email',
        code: 'RESIDENTE_DUPLICADO',
        message: 'El correo a@x.co ya está en la fila 2.',
      },
      {
        fila: 4,
        campo: 'documento_numero',
        code: 'RESIDENTE_DUPLICADO',
        message: 'El documento CC 111 ya está en la fila 2.',
      },
    ]);
  });
});
