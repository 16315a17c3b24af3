import { ejecutarSorteo } from './ejecutar-sorteo';
import type { EntradaSorteo, ParqueaderoEntrada } from './tipos';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import { ENTRADA_VECTOR, INSUMOS_HASH_VECTOR } from './vector-prueba';

describe('ejecutarSorteo con el vector de prueba de SORTEO.md', () => {
  it('reproduce cada número, etapa y asignación hasta el último dígito, en el orden publicado', () => {
    const resultado = ejecutarSorteo(ENTRADA_VECTOR);
    const filas = resultado.participantes.map((p) => [
      p.solicitudId.slice(-2),
      p.peso,
      p.numeroAleatorio,
      p.clave,
      p.etapa,
      p.posicion,
      p.resultado,
      p.parqueadero,
      p.posicionEspera,
    ]);
    expect(filas).toEqual([
      [
        '05',
        11.700000000000001,
        0.23073087966626404,
        -0.12534215989034678,
        'reservada',
        1,
        'asignada',
        'S1-001',
        null,
      ],
      [
        '01',
        3.5999999999999996,
        0.35121077935745804,
        -0.2906579791002598,
        'general',
        1,
        'asignada',
        'S1-003',
        null,
      ],
      ['02', 3, 0.26499929699694047, -0.4426760352803893, 'general', 2, 'asignada', 'S1-002', null],
      ['03', 2, 0.24832251301341557, -0.696513460989011, 'general', 3, 'no_asignada', null, 1],
      ['04', 1.5, 0.15745781402959758, -1.2323984693500705, 'general', 4, 'no_asignada', null, 2],
      ['07', 2.8, 0.5623144021365046, -0.205605053966766, 'general', 1, 'asignada', 'M-01', null],
      ['06', 1.1, 0.5601889981170801, -0.5268009595949804, 'general', 2, 'no_asignada', null, 1],
    ]);
  });

  it('calcula el insumosHash publicado y resume el resultado', () => {
    const resultado = ejecutarSorteo(ENTRADA_VECTOR);
    expect(resultado.algoritmo).toBe('ES-SHA256-v1');
    expect(resultado.insumosHash).toBe(INSUMOS_HASH_VECTOR);
    expect(resultado.resumen).toEqual({ participantes: 7, asignados: 4, enEspera: 3 });
  });

  it('devuelve exactamente los campos del participante, sin lo que traiga de más la entrada', () => {
    const conExtras = {
      ...ENTRADA_VECTOR,
      participantes: ENTRADA_VECTOR.participantes.map((p) => ({ ...p, placa: 'ABC123' })),
    };
    const [primero] = ejecutarSorteo(conExtras).participantes;
    expect(Object.keys(primero).sort()).toEqual(
      [
        'solicitudId',
        'tipoVehiculo',
        'discapacidad',
        'adultoMayor',
        'sinAsignacionPrevia',
        'aniosResidencia',
        'peso',
        'numeroAleatorio',
        'clave',
        'etapa',
        'posicion',
        'resultado',
        'parqueadero',
        'posicionEspera',
      ].sort(),
    );
  });

  it('da el mismo resultado con las listas de entrada invertidas', () => {
    const invertida: EntradaSorteo = {
      ...ENTRADA_VECTOR,
      participantes: [...ENTRADA_VECTOR.participantes].reverse(),
      parqueaderos: [...ENTRADA_VECTOR.parqueaderos].reverse(),
    };
    expect(ejecutarSorteo(invertida)).toEqual(ejecutarSorteo(ENTRADA_VECTOR));
  });

  it('sin participantes no asigna nada', () => {
    const resultado = ejecutarSorteo({ ...ENTRADA_VECTOR, participantes: [] });
    expect(resultado.participantes).toEqual([]);
    expect(resultado.resumen).toEqual({ participantes: 0, asignados: 0, enEspera: 0 });
  });
});

describe('ejecutarSorteo rechaza entradas que la capa HTTP debió rechazar', () => {
  const conParqueaderos = (parqueaderos: ParqueaderoEntrada[]): EntradaSorteo => ({
    ...ENTRADA_VECTOR,
    parqueaderos,
  });

  it.each([
    [
      'un parqueadero de moto reservado',
      conParqueaderos([{ codigo: 'M-1', tipo: 'moto', discapacidad: true }]),
      /solo los de carro/,
    ],
    [
      'códigos de parqueadero repetidos',
      conParqueaderos([
        { codigo: 'A-1', tipo: 'carro', discapacidad: false },
        { codigo: 'A-1', tipo: 'moto', discapacidad: false },
      ]),
      /repetido: A-1/,
    ],
    [
      'un código con espacios',
      conParqueaderos([{ codigo: 'A 1', tipo: 'carro', discapacidad: false }]),
      /inválido/,
    ],
    [
      'una semilla en mayúsculas',
      { ...ENTRADA_VECTOR, semilla: ENTRADA_VECTOR.semilla.toUpperCase() },
      /^Semilla inválida/,
    ],
    ['una semilla corta', { ...ENTRADA_VECTOR, semilla: 'abc' }, /^Semilla inválida/],
    [
      'un solicitudId repetido',
      {
        ...ENTRADA_VECTOR,
        participantes: [...ENTRADA_VECTOR.participantes, ENTRADA_VECTOR.participantes[3]],
      },
      /solicitudId repetido: 665f1a000000000000000004/,
    ],
    [
      'un solicitudId que no es un ObjectId',
      {
        ...ENTRADA_VECTOR,
        participantes: [
          { ...ENTRADA_VECTOR.participantes[0], solicitudId: 'X65f1a000000000000000001' },
        ],
      },
      /^Participante X65f1a000000000000000001: solicitudId inválido$/,
    ],
    [
      'un tipo de vehículo desconocido',
      {
        ...ENTRADA_VECTOR,
        participantes: [
          { ...ENTRADA_VECTOR.participantes[0], tipoVehiculo: 'bus' as TipoVehiculo },
        ],
      },
      /^Participante 665f1a000000000000000001: tipoVehiculo inválido$/,
    ],
    [
      'años de residencia negativos',
      {
        ...ENTRADA_VECTOR,
        participantes: [{ ...ENTRADA_VECTOR.participantes[0], aniosResidencia: -1 }],
      },
      /^Participante 665f1a000000000000000001: aniosResidencia inválido$/,
    ],
    [
      'un peso que no es positivo',
      {
        ...ENTRADA_VECTOR,
        config: {
          ...ENTRADA_VECTOR.config,
          pesos: { ...ENTRADA_VECTOR.config.pesos, discapacidad: 0 },
        },
      },
      /Peso inválido 0/,
    ],
  ])('%s', (_caso, entrada, mensaje) => {
    expect(() => ejecutarSorteo(entrada)).toThrow(mensaje);
  });
});
