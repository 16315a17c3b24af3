import { ValidacionError } from 'src/shared/errors/domain-error';
import type { ParqueaderoEntidad } from './parqueadero.entity';
import { fijar, reservaValida, soloDistintos } from './reglas-parqueadero';

const FECHA = new Date('2026-01-01T00:00:00Z');
const base: ParqueaderoEntidad = {
  id: '0123456789abcdef01234567',
  codigo: 'S-1',
  tipo: 'carro',
  discapacidad: false,
  zona: 'Norte',
  activo: true,
  version: 3,
  createdAt: FECHA,
  updatedAt: FECHA,
};

describe('reglas de parqueadero', () => {
  it('keeps only the fields whose value changes', () => {
    expect(soloDistintos(base, { tipo: 'carro', zona: null, activo: true })).toEqual({
      zona: null,
    });
    expect(soloDistintos(base, {})).toEqual({});
  });

  it('reserves car spots only', () => {
    expect(reservaValida({ tipo: 'carro', discapacidad: true })).toBe(true);
    expect(reservaValida({ tipo: 'moto', discapacidad: false })).toBe(true);
    expect(reservaValida({ tipo: 'moto', discapacidad: true })).toBe(false);
  });

  it('decides on the fresh read: what another writer set meanwhile counts', () => {
    const aMoto = fijar({ tipo: 'moto' });
    expect(aMoto(base)).toEqual({ tipo: 'moto' });
    // Another writer reserved the spot between the request and this write.
    expect(() => aMoto({ ...base, discapacidad: true })).toThrow(ValidacionError);
    expect(fijar({ tipo: 'moto', discapacidad: false })({ ...base, discapacidad: true })).toEqual({
      tipo: 'moto',
      discapacidad: false,
    });
    expect(() => fijar({ discapacidad: true })({ ...base, tipo: 'moto' })).toThrow(ValidacionError);
  });
});
