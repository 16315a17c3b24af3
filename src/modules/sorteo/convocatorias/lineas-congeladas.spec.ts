import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { ENTRADA_VECTOR } from '../core/vector-prueba';
import type { LineaCongelada } from './convocatoria.entity';
import {
  bloquesDe,
  congelar,
  lineaPublica,
  primerosDeBloques,
  resumenDe,
} from './lineas-congeladas';

const id = (n: number): string => n.toString(16).padStart(24, '0');

function linea(n: number): LineaCongelada {
  return {
    solicitudId: id(n),
    tipoVehiculo: n % 3 === 0 ? 'moto' : 'carro',
    discapacidad: false,
    adultoMayor: false,
    sinAsignacionPrevia: false,
    aniosResidencia: 0,
    version: 1,
    residenteId: `r${n}`,
    residenteNombre: `R ${n}`,
    unidad: { torre: 'A', apartamento: String(n) },
    placa: `ABC${n}`,
  };
}

describe('lineas-congeladas', () => {
  it('congelar joins each entry with its data and sorts by solicitudId', () => {
    const entradas = [...ENTRADA_VECTOR.participantes].reverse();
    const datos = new Map(
      entradas.map((e, i) => [
        e.solicitudId,
        {
          version: i,
          residenteId: `r${i}`,
          residenteNombre: `N${i}`,
          unidad: { torre: 'V', apartamento: String(i) },
          placa: `P${i}`,
        },
      ]),
    );
    const lineas = congelar({ entradas, datos });
    expect(lineas.map((l) => l.solicitudId)).toEqual(
      ENTRADA_VECTOR.participantes.map((p) => p.solicitudId),
    );
    expect(lineas[0]).toEqual({
      ...ENTRADA_VECTOR.participantes[0],
      ...datos.get(lineas[0].solicitudId),
    });
    expect(() => congelar({ entradas, datos: new Map() })).toThrow(/sin datos/);
  });

  it('finds the chunks holding given ids from each chunk first id, never more', () => {
    const lineas = Array.from({ length: 25 }, (_, i) => linea(10 + 2 * i)); // ids 10, 12, ..., 58
    const primeros = primerosDeBloques(lineas, 10);
    expect(primeros).toEqual([id(10), id(30), id(50)]);
    expect(bloquesDe([id(10)], primeros)).toEqual([0]);
    expect(bloquesDe([id(29), id(31)], primeros)).toEqual([0, 1]);
    expect(bloquesDe([id(58), id(1000)], primeros)).toEqual([2]);
    expect(bloquesDe([id(1), id(9)], primeros)).toEqual([]);
    expect(bloquesDe([id(12), id(14), id(16)], primeros)).toEqual([0]);
    expect(bloquesDe([id(12)], [])).toEqual([]);
    // Every line is found in the chunk the lookup names.
    lineas.forEach((l, k) =>
      expect(bloquesDe([l.solicitudId], primeros)).toEqual([Math.floor(k / 10)]),
    );
  });

  it('counts participants and spots per type, and exclusions', () => {
    const lineas = [linea(1), linea(2), linea(3)];
    const resumen = resumenDe(lineas, ENTRADA_VECTOR.parqueaderos, []);
    expect(resumen).toEqual({
      participantes: { carro: 2, moto: 1 },
      parqueaderos: { carro: 3, moto: 1 },
      excluidos: 0,
    });
  });

  it('shows a line with the weight of the config mode', () => {
    const l = { ...linea(1), discapacidad: true, aniosResidencia: 2 };
    const ponderado = lineaPublica(l, CONFIG_PRIORIDAD_POR_DEFECTO);
    expect(ponderado).toEqual({
      solicitudId: id(1),
      tipoVehiculo: 'carro',
      discapacidad: true,
      adultoMayor: false,
      sinAsignacionPrevia: false,
      aniosResidencia: 2,
      peso: 3.5999999999999996,
    });
    expect(lineaPublica(l, { ...CONFIG_PRIORIDAD_POR_DEFECTO, modo: 'niveles' }).peso).toBe(1000);
    expect(Object.keys(ponderado)).not.toContain('residenteNombre');
  });
});
