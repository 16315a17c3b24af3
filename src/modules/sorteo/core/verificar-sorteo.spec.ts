import { ejecutarSorteo } from './ejecutar-sorteo';
import type { ParticipanteSorteado } from './tipos';
import { ENTRADA_VECTOR } from './vector-prueba';
import { MAX_DIFERENCIAS, type SorteoAlmacenado, verificarSorteo } from './verificar-sorteo';

const ID = (sufijo: string): string => `665f1a0000000000000000${sufijo}`;

function almacenado(): SorteoAlmacenado {
  const { semilla, config, parqueaderos } = ENTRADA_VECTOR;
  const { algoritmo, insumosHash, participantes, resumen } = ejecutarSorteo(ENTRADA_VECTOR);
  return { algoritmo, semilla, config, parqueaderos, insumosHash, participantes, resumen };
}

/** The stored draw with one participant's fields overwritten, as tampering would. */
function alterado(sufijo: string, cambios: Partial<ParticipanteSorteado>): SorteoAlmacenado {
  const sorteo = almacenado();
  return {
    ...sorteo,
    participantes: sorteo.participantes.map((p) =>
      p.solicitudId === ID(sufijo) ? { ...p, ...cambios } : p,
    ),
  };
}

describe('verificarSorteo', () => {
  it('da por válido un resultado intacto', () => {
    expect(verificarSorteo(almacenado())).toEqual({
      valido: true,
      diferencias: [],
      totalDiferencias: 0,
    });
  });

  it('detecta una clave alterada, diciendo cuál y con ambos valores', () => {
    expect(verificarSorteo(alterado('01', { clave: -0.1 }))).toEqual({
      valido: false,
      totalDiferencias: 1,
      diferencias: [
        `solicitud ${ID('01')}, clave: valor almacenado -0.1, valor recalculado -0.2906579791002598`,
      ],
    });
  });

  it('detecta un parqueadero cambiado', () => {
    const sorteo = alterado('02', { parqueadero: 'S1-003' });
    expect(verificarSorteo(sorteo).diferencias).toEqual([
      `solicitud ${ID('02')}, parqueadero: valor almacenado "S1-003", valor recalculado "S1-002"`,
    ]);
  });

  it('detecta un peso inflado aunque los atributos no cambien: el peso se recalcula, no se cree', () => {
    expect(verificarSorteo(alterado('04', { peso: 30 })).diferencias).toEqual([
      `solicitud ${ID('04')}, peso: valor almacenado 30, valor recalculado 1.5`,
    ]);
  });

  it('detecta un atributo alterado: cambian su peso, su clave y el insumosHash', () => {
    const { valido, diferencias } = verificarSorteo(alterado('04', { discapacidad: true }));
    expect(valido).toBe(false);
    expect(diferencias).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^insumosHash: valor almacenado "4e08a830.*", valor recalculado "(?!4e08a830)/,
        ),
        `solicitud ${ID('04')}, peso: valor almacenado 1.5, valor recalculado 4.5`,
        expect.stringMatching(
          new RegExp(`^solicitud ${ID('04')}, clave: valor almacenado -1.2323984693500705`),
        ),
        `solicitud ${ID('04')}, parqueadero: valor almacenado null, valor recalculado "S1-002"`,
      ]),
    );
  });

  it('detecta un participante quitado por el insumosHash, el resumen y el corrimiento de posiciones', () => {
    const sorteo = almacenado();
    const sinTres = {
      ...sorteo,
      participantes: sorteo.participantes.filter((p) => p.solicitudId !== ID('03')),
    };
    const { valido, diferencias } = verificarSorteo(sinTres);
    expect(valido).toBe(false);
    expect(diferencias).toEqual([
      expect.stringMatching(/^insumosHash: valor almacenado "4e08a830/),
      'resumen.participantes: valor almacenado 7, valor recalculado 6',
      'resumen.enEspera: valor almacenado 3, valor recalculado 2',
      `solicitud ${ID('04')}, posicion: valor almacenado 4, valor recalculado 3`,
      `solicitud ${ID('04')}, posicionEspera: valor almacenado 2, valor recalculado 1`,
    ]);
  });

  it('detecta un participante repetido', () => {
    const sorteo = almacenado();
    const conRepetido = {
      ...sorteo,
      participantes: [...sorteo.participantes, sorteo.participantes[6]],
    };
    expect(verificarSorteo(conRepetido).diferencias).toEqual([
      `solicitud ${ID('06')}: aparece más de una vez en los participantes`,
    ]);
  });

  it('detecta un insumosHash que no corresponde', () => {
    const sorteo = { ...almacenado(), insumosHash: '0'.repeat(64) };
    expect(verificarSorteo(sorteo).diferencias).toEqual([
      `insumosHash: valor almacenado "${'0'.repeat(64)}", valor recalculado "${almacenado().insumosHash}" ` +
        '(los participantes, sus pesos o los parqueaderos no son los del sorteo)',
    ]);
  });

  it('detecta participantes guardados fuera del orden del resultado', () => {
    const sorteo = almacenado();
    const [a, b, ...resto] = sorteo.participantes;
    expect(verificarSorteo({ ...sorteo, participantes: [b, a, ...resto] }).diferencias).toEqual([
      `orden: en el lugar 1 está la solicitud ${ID('01')}, debería estar ${ID('05')}`,
      `orden: en el lugar 2 está la solicitud ${ID('05')}, debería estar ${ID('01')}`,
    ]);
  });

  it('detecta un parqueadero quitado de las entradas', () => {
    const sorteo = almacenado();
    const { valido, diferencias } = verificarSorteo({
      ...sorteo,
      parqueaderos: sorteo.parqueaderos.slice(0, 3),
    });
    expect(valido).toBe(false);
    expect(diferencias).toEqual(
      expect.arrayContaining([
        `solicitud ${ID('07')}, parqueadero: valor almacenado "M-01", valor recalculado null`,
        expect.stringMatching(/^insumosHash/),
      ]),
    );
  });

  it('no acepta otro algoritmo', () => {
    expect(verificarSorteo({ ...almacenado(), algoritmo: 'OTRO-v2' }).diferencias).toEqual([
      'algoritmo "OTRO-v2": la configuración del sorteo (modo "ponderado") corresponde a ES-SHA256-v1',
    ]);
  });

  it('informa, sin lanzar, cuando las entradas guardadas no permiten recalcular', () => {
    const sorteo = { ...almacenado(), semilla: 'no-hex' };
    expect(verificarSorteo(sorteo)).toEqual({
      valido: false,
      totalDiferencias: 1,
      diferencias: [
        'no se pudo recalcular el sorteo: Semilla inválida: se esperan 64 hexadecimales en minúscula',
      ],
    });
  });

  it(`con otra semilla lista hasta ${MAX_DIFERENCIAS} diferencias y cuenta el resto`, () => {
    const participantes = Array.from({ length: 400 }, (_, i) => ({
      ...ENTRADA_VECTOR.participantes[i % 7],
      solicitudId: i.toString(16).padStart(24, '0'),
    }));
    const resultado = ejecutarSorteo({ ...ENTRADA_VECTOR, participantes });
    const { valido, diferencias, totalDiferencias } = verificarSorteo({
      ...ENTRADA_VECTOR,
      ...resultado,
      semilla: 'b'.repeat(64),
    });
    expect(valido).toBe(false);
    expect(diferencias).toHaveLength(MAX_DIFERENCIAS + 1);
    const mas = /^… y (\d+) diferencias más$/.exec(diferencias[MAX_DIFERENCIAS]);
    expect(mas).not.toBeNull();
    expect(totalDiferencias).toBe(MAX_DIFERENCIAS + Number(mas![1]));
  });
});

describe('verificarSorteo con NIVELES-SHA256-v1', () => {
  const entrada = {
    ...ENTRADA_VECTOR,
    config: { ...ENTRADA_VECTOR.config, modo: 'niveles' as const },
  };
  const guardado = (): SorteoAlmacenado => {
    const { algoritmo, insumosHash, participantes, resumen } = ejecutarSorteo(entrada);
    const { semilla, config, parqueaderos } = entrada;
    return { algoritmo, semilla, config, parqueaderos, insumosHash, participantes, resumen };
  };

  it('da por válido un resultado intacto', () => {
    expect(verificarSorteo(guardado())).toEqual({
      valido: true,
      diferencias: [],
      totalDiferencias: 0,
    });
  });

  it('un resultado por niveles que dice ser ES-SHA256-v1 no es válido', () => {
    const v = verificarSorteo({ ...guardado(), algoritmo: 'ES-SHA256-v1' });
    expect(v.valido).toBe(false);
    expect(v.diferencias[0]).toMatch(/modo "niveles".*NIVELES-SHA256-v1/);
  });

  it('cambiar el modo de la configuración guardada cambia el insumosHash y el orden', () => {
    const v = verificarSorteo({
      ...guardado(),
      algoritmo: undefined,
      config: { ...entrada.config, modo: 'ponderado' },
    });
    expect(v.valido).toBe(false);
    expect(v.diferencias.some((d) => d.startsWith('insumosHash'))).toBe(true);
  });
});
