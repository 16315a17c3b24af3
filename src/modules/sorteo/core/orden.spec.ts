import fc from 'fast-check';
import {
  compararUnidadesUtf16,
  ordenarEstable,
  ordenarPorSolicitudId,
  palabrasDeDoubles,
} from './orden';
import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { tabular } from './tabla';
import type { ParticipanteEntrada } from './tipos';

const hex = (bytes: number): fc.Arbitrary<string> =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('hex'));

function participante(solicitudId: string): ParticipanteEntrada {
  return {
    solicitudId,
    tipoVehiculo: 'carro',
    discapacidad: false,
    adultoMayor: false,
    sinAsignacionPrevia: false,
    aniosResidencia: 0,
  };
}

describe('ordenarEstable', () => {
  // Few distinct values, so that ties (which must keep their given order) are frequent.
  const valor = fc.oneof(
    fc.constantFrom(0, 1e-300, 0.5, 1, 1.5, 2 ** 52, Number.MAX_VALUE),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
  );

  it('ordena dobles no negativos de menor a mayor, y los empates conservan el orden dado', () => {
    fc.assert(
      fc.property(fc.array(valor, { maxLength: 300 }), (lista) => {
        const valores = Float64Array.from(lista);
        const inicial = Uint32Array.from(lista.keys()).reverse();
        const esperado = [...inicial].sort((a, b) => valores[a] - valores[b]); // Array#sort is stable
        expect([...ordenarEstable(palabrasDeDoubles(valores), inicial)]).toEqual(esperado);
      }),
    );
  });

  it('no modifica el orden que recibe', () => {
    const inicial = Uint32Array.from([2, 0, 1]);
    ordenarEstable(palabrasDeDoubles(Float64Array.from([3, 1, 2])), inicial);
    expect([...inicial]).toEqual([2, 0, 1]);
  });
});

const porSolicitudId = (participantes: ParticipanteEntrada[]): Uint32Array =>
  ordenarPorSolicitudId(
    participantes,
    tabular(participantes, 'a'.repeat(64), CONFIG_PRIORIDAD_POR_DEFECTO).id,
  );

describe('ordenarPorSolicitudId', () => {
  it('coincide con el orden de cadenas por unidades UTF-16', () => {
    fc.assert(
      fc.property(fc.uniqueArray(hex(12), { maxLength: 200 }), (ids) => {
        const participantes = ids.map(participante);
        const orden = porSolicitudId(participantes);
        expect([...orden].map((i) => ids[i])).toEqual([...ids].sort(compararUnidadesUtf16));
      }),
    );
  });

  it('ordena por cada una de las tres palabras del id', () => {
    const ids = [
      '000000010000000000000000',
      '000000000000000100000000',
      '000000000000000000000001',
      'f00000000000000000000000',
    ];
    const entrada = [...ids].reverse().map(participante);
    const orden = porSolicitudId(entrada);
    expect([...orden].map((i) => entrada[i].solicitudId)).toEqual([ids[2], ids[1], ids[0], ids[3]]);
  });

  it('rechaza un id repetido', () => {
    const ids = [
      '665f1a000000000000000001',
      '665f1a000000000000000002',
      '665f1a000000000000000001',
    ];
    expect(() => porSolicitudId(ids.map(participante))).toThrow(
      /repetido: 665f1a000000000000000001/,
    );
  });
});
