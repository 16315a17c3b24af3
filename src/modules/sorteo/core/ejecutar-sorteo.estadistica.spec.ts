import { createHash } from 'node:crypto';
import { ejecutarSorteo } from './ejecutar-sorteo';
import type { ParticipanteEntrada } from './tipos';
import {
  CONFIG_PRIORIDAD_POR_DEFECTO,
  type ConfigPrioridad,
} from 'src/shared/dominio/config-prioridad';

/*
 * Efraimidis–Spirakis promises that first place goes to participant i with probability
 * peso_i / Σ peso. The seeds are a fixed list (SHA-256 of "semilla-<i>"), so the counts below are
 * always the same: this test is deterministic, never flaky, and still fails if the weighting breaks.
 */

const SORTEOS = 2000;
// Chi-square critical value for 3 degrees of freedom at p = 0.001.
const CRITICO_P001_GL3 = 16.266;

// With these factors the weight is 1 + aniosResidencia: 1, 2, 3 and 4.
const CONFIG: ConfigPrioridad = {
  ...CONFIG_PRIORIDAD_POR_DEFECTO,
  pesos: {
    discapacidad: 1,
    adultoMayor: 1,
    sinAsignacionPrevia: 1,
    antiguedadPorAnio: 1,
    antiguedadMaxAnios: 10,
  },
  edadAdultoMayor: 60,
  requiereAlDia: false,
};
const PARTICIPANTES: ParticipanteEntrada[] = [0, 1, 2, 3].map((anios) => ({
  solicitudId: `aaaaaaaaaaaaaaaaaaaaaaa${anios}`,
  tipoVehiculo: 'carro',
  discapacidad: false,
  adultoMayor: false,
  sinAsignacionPrevia: false,
  aniosResidencia: anios,
}));

function chiCuadrado(observados: number[], proporciones: number[]): number {
  const total = observados.reduce((a, b) => a + b, 0);
  return observados.reduce((suma, o, i) => {
    const esperado = total * proporciones[i];
    return suma + (o - esperado) ** 2 / esperado;
  }, 0);
}

describe('ejecutarSorteo: distribución del primer lugar', () => {
  const primeros = [0, 0, 0, 0];
  const sorteosConOtroGanador: number[] = [];
  beforeAll(() => {
    for (let i = 0; i < SORTEOS; i++) {
      const semilla = createHash('sha256').update(`semilla-${i}`).digest('hex');
      const { participantes } = ejecutarSorteo({
        semilla,
        participantes: PARTICIPANTES,
        parqueaderos: [{ codigo: 'UNICO', tipo: 'carro', discapacidad: false }],
        config: CONFIG,
      });
      const [primero] = participantes; // one stage, so the result starts with first place
      primeros[primero.aniosResidencia]++;
      const ganadores = participantes.filter((p) => p.resultado === 'asignada');
      if (ganadores.length !== 1 || ganadores[0] !== primero) sorteosConOtroGanador.push(i);
    }
  });

  it('en cada sorteo el único parqueadero es para el primer lugar', () => {
    expect(sorteosConOtroGanador).toEqual([]);
  });

  it('sigue las proporciones 1:2:3:4 de los pesos (chi-cuadrado bajo el crítico de p = 0.001)', () => {
    expect(chiCuadrado(primeros, [0.1, 0.2, 0.3, 0.4])).toBeLessThan(CRITICO_P001_GL3);
  });

  it('y la misma prueba rechazaría con holgura un sorteo uniforme', () => {
    expect(chiCuadrado(primeros, [0.25, 0.25, 0.25, 0.25])).toBeGreaterThan(10 * CRITICO_P001_GL3);
  });
});
