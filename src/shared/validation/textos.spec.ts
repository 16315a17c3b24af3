import { limpiarTextos } from './textos';

describe('limpiarTextos', () => {
  it('normaliza a NFC cada texto, también anidado y en listas', () => {
    const cuerpo = {
      nombre: 'Jose\u0301',
      documento: { numero: 'N\u0303' },
      ids: ['a\u0300', 'b'],
      n: 3,
      x: null,
    };
    expect(limpiarTextos(cuerpo)).toEqual([]);
    expect(cuerpo).toEqual({
      nombre: 'José',
      documento: { numero: 'Ñ' },
      ids: ['à', 'b'],
      n: 3,
      x: null,
    });
  });

  it('nombra cada campo con un carácter de control', () => {
    const errores = limpiarTextos({
      nombre: 'Ana\u0000',
      vehiculo: { placa: 'AB\u0007C' },
      parqueaderos: [{ codigo: 'S\u007f1' }],
      telefono: '300 123',
    });
    expect(errores).toHaveLength(3);
    expect(errores[0]).toMatch(/^nombre no puede contener caracteres de control/);
    expect(errores[1]).toMatch(/^vehiculo\.placa /);
    expect(errores[2]).toMatch(/^parqueaderos\.0\.codigo /);
  });

  it('admite saltos de línea solo en observaciones y motivo', () => {
    expect(limpiarTextos({ observaciones: 'a\r\nb', motivo: 'c\nd' })).toEqual([]);
    expect(limpiarTextos({ nombre: 'a\nb' })).toHaveLength(1);
    const tab = limpiarTextos({ motivo: 'a\tb' });
    expect(tab).toHaveLength(1);
    expect(tab[0]).toMatch(/^motivo .*solo se admiten saltos de línea/);
  });

  it('no normaliza los secretos, pero tampoco les admite caracteres de control', () => {
    const cuerpo = { password: 'clave con n\u0303', token: 'abc' };
    expect(limpiarTextos(cuerpo)).toEqual([]);
    expect(cuerpo.password).toBe('clave con n\u0303');
    expect(limpiarTextos({ password: 'clave\u0000' })).toHaveLength(1);
  });

  it('rechaza un sustituto suelto y admite un par completo', () => {
    expect(limpiarTextos({ nombre: 'a\ud800b' })).toEqual([
      'nombre no es texto Unicode válido (tiene un sustituto suelto).',
    ]);
    expect(limpiarTextos({ nombre: 'Ana \ud83d\ude97' })).toEqual([]);
  });

  it('deja pasar lo que no es un objeto', () => {
    expect(limpiarTextos('texto\u0000')).toEqual([]);
    expect(limpiarTextos(undefined)).toEqual([]);
  });
});
