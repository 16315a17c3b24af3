import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { calcularPeso } from './peso';
import { ENTRADA_VECTOR } from './vector-prueba';

describe('calcularPeso', () => {
  it('reproduce los pesos del vector, con los bits que deja la evaluación de izquierda a derecha', () => {
    const pesos = ENTRADA_VECTOR.participantes.map((p) =>
      calcularPeso(p, CONFIG_PRIORIDAD_POR_DEFECTO.pesos),
    );
    expect(pesos).toEqual([3.5999999999999996, 3, 2, 1.5, 11.700000000000001, 1.1, 2.8]);
  });

  it('tope de antigüedad: más años que antiguedadMaxAnios no suman', () => {
    const base = { discapacidad: false, adultoMayor: false, sinAsignacionPrevia: false };
    const pesos = CONFIG_PRIORIDAD_POR_DEFECTO.pesos;
    expect(calcularPeso({ ...base, aniosResidencia: 40 }, pesos)).toBe(2);
    expect(calcularPeso({ ...base, aniosResidencia: 9 }, pesos)).toBe(1.9);
  });

  it('CONFIG_PRIORIDAD_POR_DEFECTO tiene los valores de API.md y no se puede modificar', () => {
    expect(CONFIG_PRIORIDAD_POR_DEFECTO).toEqual({
      pesos: {
        discapacidad: 3,
        adultoMayor: 1.5,
        sinAsignacionPrevia: 2,
        antiguedadPorAnio: 0.1,
        antiguedadMaxAnios: 10,
      },
      edadAdultoMayor: 60,
      requiereAlDia: true,
    });
    expect(Object.isFrozen(CONFIG_PRIORIDAD_POR_DEFECTO)).toBe(true);
    expect(Object.isFrozen(CONFIG_PRIORIDAD_POR_DEFECTO.pesos)).toBe(true);
  });
});
