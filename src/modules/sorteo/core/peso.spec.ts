import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { calcularPeso, calcularPuntaje } from './peso';
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
      modo: 'ponderado',
      niveles: { discapacidad: 1000, adultoMayor: 500, sinAsignacionPrevia: 100 },
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
    expect(Object.isFrozen(CONFIG_PRIORIDAD_POR_DEFECTO.niveles)).toBe(true);
  });
});

describe('calcularPuntaje (NIVELES-SHA256-v1)', () => {
  const niveles = CONFIG_PRIORIDAD_POR_DEFECTO.niveles;
  const ninguno = {
    discapacidad: false,
    adultoMayor: false,
    sinAsignacionPrevia: false,
    aniosResidencia: 30,
  };

  it('suma los niveles que aplican y no mira la antigüedad', () => {
    expect(calcularPuntaje(ninguno, niveles)).toBe(0);
    expect(calcularPuntaje({ ...ninguno, discapacidad: true }, niveles)).toBe(1000);
    expect(
      calcularPuntaje({ ...ninguno, adultoMayor: true, sinAsignacionPrevia: true }, niveles),
    ).toBe(600);
    expect(
      calcularPuntaje(
        { discapacidad: true, adultoMayor: true, sinAsignacionPrevia: true, aniosResidencia: 0 },
        niveles,
      ),
    ).toBe(1600);
  });
});
