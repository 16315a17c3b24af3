import type { AtributosSorteoResidente } from 'src/modules/residentes/residente.entity';
import type { SolicitudParaSorteo } from 'src/modules/solicitudes/solicitud.entity';
import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { ejecutarSorteo } from './core/ejecutar-sorteo';
import { aGuardados, clasificar, claveUnidadTipo, desenlaces, perdedores } from './preparacion';

const T = new Date('2026-06-15T23:30:00-05:00'); // 2026-06-16 in UTC: the UTC date counts.

function residente(
  id: string,
  over: Partial<AtributosSorteoResidente> = {},
): AtributosSorteoResidente {
  return {
    id,
    nombre: `Residente ${id}`,
    discapacidad: false,
    fechaNacimiento: null,
    fechaIngreso: null,
    alDia: true,
    activo: true,
    ...over,
  };
}

function solicitud(
  n: number,
  residenteId: string,
  tipo: 'carro' | 'moto' = 'carro',
): SolicitudParaSorteo {
  return {
    id: `665f1a0000000000000000${String(n).padStart(2, '0')}`,
    version: n,
    residenteId,
    unidad: { torre: 'A', apartamento: String(100 + n) },
    vehiculo: { placa: `ABC${100 + n}`, tipo },
  };
}

describe('clasificar', () => {
  const residentes = new Map([
    [
      'r1',
      residente('r1', {
        discapacidad: true,
        fechaNacimiento: '1966-06-16',
        fechaIngreso: '2016-06-16',
      }),
    ],
    ['r2', residente('r2', { fechaNacimiento: '1966-06-17', fechaIngreso: '2016-06-17' })],
    ['r3', residente('r3', { alDia: false })],
    ['r4', residente('r4', { activo: false })],
  ]);

  it('evaluates the attributes at the UTC date of the draw instant', () => {
    const { entradas } = clasificar(
      [solicitud(1, 'r1'), solicitud(2, 'r2')],
      residentes,
      CONFIG_PRIORIDAD_POR_DEFECTO,
      T,
      new Set(),
    );
    expect(entradas).toEqual([
      {
        solicitudId: '665f1a000000000000000001',
        tipoVehiculo: 'carro',
        discapacidad: true,
        adultoMayor: true,
        sinAsignacionPrevia: false,
        aniosResidencia: 10,
      },
      {
        solicitudId: '665f1a000000000000000002',
        tipoVehiculo: 'carro',
        discapacidad: false,
        adultoMayor: false,
        sinAsignacionPrevia: false,
        aniosResidencia: 9,
      },
    ]);
  });

  it('excludes residents in arrears only when the config requires it, and inactive ones always', () => {
    const todas = [solicitud(3, 'r3'), solicitud(4, 'r4'), solicitud(5, 'desconocido')];
    const exigente = clasificar(todas, residentes, CONFIG_PRIORIDAD_POR_DEFECTO, T, new Set());
    expect(exigente.entradas).toEqual([]);
    expect(exigente.excluidas.map((e) => [e.solicitudId.slice(-2), e.motivo, e.version])).toEqual([
      ['03', 'RESIDENTE_EN_MORA', 3],
      ['04', 'RESIDENTE_INACTIVO', 4],
      ['05', 'RESIDENTE_INACTIVO', 5],
    ]);
    const flexible = clasificar(
      todas,
      residentes,
      { ...CONFIG_PRIORIDAD_POR_DEFECTO, requiereAlDia: false },
      T,
      new Set(),
    );
    expect(flexible.entradas.map((e) => e.solicitudId.slice(-2))).toEqual(['03']);
  });

  it('gives sinAsignacionPrevia by unit and vehicle type', () => {
    const previos = new Set([claveUnidadTipo({ torre: 'A', apartamento: '101' }, 'carro')]);
    const r = clasificar(
      [
        solicitud(1, 'r1', 'carro'),
        { ...solicitud(1, 'r1', 'moto'), id: '665f1a0000000000000000ff' },
      ],
      residentes,
      CONFIG_PRIORIDAD_POR_DEFECTO,
      T,
      previos,
    );
    expect(r.entradas.map((e) => e.sinAsignacionPrevia)).toEqual([true, false]);
  });
});

describe('aGuardados, desenlaces and perdedores', () => {
  it('joins the core output with the solicitud data and derives every outcome from it', () => {
    const residentes = new Map([
      ['r1', residente('r1')],
      ['r2', residente('r2')],
      ['r3', residente('r3', { alDia: false })],
    ]);
    const c = clasificar(
      [solicitud(1, 'r1'), solicitud(2, 'r2'), solicitud(3, 'r3')],
      residentes,
      CONFIG_PRIORIDAD_POR_DEFECTO,
      T,
      new Set(),
    );
    const calculado = ejecutarSorteo({
      semilla: 'a'.repeat(64),
      participantes: c.entradas,
      parqueaderos: [{ codigo: 'P1', tipo: 'carro', discapacidad: false }],
      config: CONFIG_PRIORIDAD_POR_DEFECTO,
    });
    const guardados = aGuardados(calculado.participantes, c.datos);
    expect(guardados.map((g) => g.residenteNombre).sort()).toEqual([
      'Residente r1',
      'Residente r2',
    ]);
    const lista = desenlaces(guardados, c.excluidas);
    expect(lista).toHaveLength(3);
    const ganador = guardados.find((g) => g.resultado === 'asignada')!;
    expect(lista.find((d) => d.id === ganador.solicitudId)).toEqual({
      id: ganador.solicitudId,
      version: ganador.version + 1,
      estado: 'asignada',
      parqueadero: 'P1',
      posicionEspera: null,
      motivo: null,
      unidad: ganador.unidad,
      vehiculo: { placa: ganador.placa, tipo: 'carro' },
    });
    expect(lista.find((d) => d.id.endsWith('03'))).toMatchObject({
      version: 4,
      estado: 'no_asignada',
      motivo: 'RESIDENTE_EN_MORA',
      parqueadero: null,
      posicionEspera: null,
    });
    const claves = new Set<string>();
    perdedores(guardados, claves);
    const perdedor = guardados.find((g) => g.resultado === 'no_asignada')!;
    expect([...claves]).toEqual([claveUnidadTipo(perdedor.unidad, 'carro')]);
  });

  it('refuses a sorted participant it has no data for', () => {
    expect(() => aGuardados([{ solicitudId: 'x' } as never], new Map())).toThrow('sin datos');
  });
});
