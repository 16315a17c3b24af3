import {
  aExcluidasDto,
  aMiAsignacionDto,
  aParticipanteDto,
  aResultadoSorteoDto,
  esPropio,
  type Espectador,
} from './resultado.mapper';
import type { CabeceraSorteo, ExcluidaGuardada, ParticipanteGuardado } from './resultado.entity';
import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';

function participante(over: Partial<ParticipanteGuardado> = {}): ParticipanteGuardado {
  return {
    solicitudId: '665f1a000000000000000001',
    version: 1,
    residenteId: 'r1',
    residenteNombre: 'Ana Pérez',
    unidad: { torre: 'A', apartamento: '101' },
    placa: 'ABC123',
    tipoVehiculo: 'carro',
    discapacidad: true,
    adultoMayor: false,
    sinAsignacionPrevia: true,
    aniosResidencia: 4,
    peso: 8.4,
    numeroAleatorio: 0.5,
    clave: -0.08,
    etapa: 'reservada',
    posicion: 1,
    resultado: 'asignada',
    parqueadero: 'S-1',
    posicionEspera: null,
    ...over,
  };
}

const excluida = (over: Partial<ExcluidaGuardada> = {}): ExcluidaGuardada => ({
  solicitudId: '665f1a000000000000000009',
  version: 1,
  residenteId: 'r9',
  unidad: { torre: 'B', apartamento: '202' },
  placa: 'XYZ999',
  tipoVehiculo: 'carro',
  motivo: 'RESIDENTE_EN_MORA',
  ...over,
});

const ADMIN: Espectador = { rol: 'admin' };
const VECINO: Espectador = {
  rol: 'residente',
  residenteId: 'r2',
  unidad: { torre: 'A', apartamento: '102' },
};
const MISMA_UNIDAD: Espectador = {
  rol: 'residente',
  residenteId: 'r3',
  unidad: { torre: 'A', apartamento: '101' },
};

describe('resultado.mapper visibility', () => {
  it('admins see every field, including the resident', () => {
    expect(aParticipanteDto(participante(), ADMIN)).toEqual({
      solicitudId: '665f1a000000000000000001',
      unidad: { torre: 'A', apartamento: '101' },
      placa: 'ABC123',
      tipoVehiculo: 'carro',
      discapacidad: true,
      adultoMayor: false,
      sinAsignacionPrevia: true,
      aniosResidencia: 4,
      peso: 8.4,
      numeroAleatorio: 0.5,
      clave: -0.08,
      etapa: 'reservada',
      posicion: 1,
      resultado: 'asignada',
      parqueadero: 'S-1',
      posicionEspera: null,
      residente: { id: 'r1', nombre: 'Ana Pérez' },
    });
  });

  it('a resident sees other units only as unidad, tipoVehiculo, resultado, parqueadero, posicionEspera', () => {
    const dto = aParticipanteDto(participante(), VECINO);
    expect(dto).toEqual({
      unidad: { torre: 'A', apartamento: '101' },
      tipoVehiculo: 'carro',
      resultado: 'asignada',
      parqueadero: 'S-1',
      posicionEspera: null,
    });
  });

  it("a resident sees their own unit's entries whole, but never the resident reference", () => {
    const dto = aParticipanteDto(participante(), MISMA_UNIDAD);
    expect(dto.discapacidad).toBe(true);
    expect(dto.peso).toBe(8.4);
    expect(dto.placa).toBe('ABC123');
    expect(dto).not.toHaveProperty('residente');
    // Their own solicitud from a unit they left since still counts as theirs.
    const mudado: Espectador = {
      rol: 'residente',
      residenteId: 'r1',
      unidad: { torre: 'C', apartamento: '1' },
    };
    expect(aParticipanteDto(participante(), mudado).peso).toBe(8.4);
  });

  it('units match on both torre and apartamento', () => {
    const otraTorre: Espectador = {
      rol: 'residente',
      residenteId: 'x',
      unidad: { torre: 'B', apartamento: '101' },
    };
    expect(esPropio(otraTorre, { torre: 'A', apartamento: '101' }, 'r1')).toBe(false);
    const sinUnidad: Espectador = { rol: 'residente', residenteId: 'x', unidad: null };
    expect(esPropio(sinUnidad, { torre: 'A', apartamento: '101' }, 'r1')).toBe(false);
  });

  it('excluidas: admins see all, residents only their own unit (arrears are not published)', () => {
    const lista = [
      excluida(),
      excluida({ unidad: { torre: 'A', apartamento: '102' }, residenteId: 'r2' }),
    ];
    expect(aExcluidasDto(lista, ADMIN)).toHaveLength(2);
    expect(aExcluidasDto(lista, VECINO)).toEqual([
      {
        solicitudId: '665f1a000000000000000009',
        unidad: { torre: 'A', apartamento: '102' },
        motivo: 'RESIDENTE_EN_MORA',
      },
    ]);
    expect(aExcluidasDto(lista, MISMA_UNIDAD)).toEqual([]);
  });

  it('whole result: contract fields in contract order, no internal fields', () => {
    const cabecera: CabeceraSorteo = {
      id: 'abc',
      turno: 3,
      estado: 'completo',
      nombre: 'S',
      ejecutadoEn: new Date('2026-01-01T00:00:00Z'),
      ejecutadoPor: 'admin1',
      algoritmo: 'ES-SHA256-v1',
      origenSemilla: 'servidor',
      semilla: 'a'.repeat(64),
      insumosHash: 'b'.repeat(64),
      convocatoria: null,
      config: CONFIG_PRIORIDAD_POR_DEFECTO,
      resumen: { participantes: 1, asignados: 1, enEspera: 0, excluidos: 1 },
      tamanoBloque: 1000,
      bloques: { participantes: 1, excluidas: 1, parqueaderos: 1 },
      anulado: null,
    };
    const dto = aResultadoSorteoDto(
      {
        cabecera,
        parqueaderos: [{ codigo: 'S-1', tipo: 'carro', discapacidad: true }],
        participantes: [participante()],
        excluidas: [excluida()],
      },
      VECINO,
    );
    expect(Object.keys(dto)).toEqual([
      'id',
      'nombre',
      'ejecutadoEn',
      'ejecutadoPor',
      'algoritmo',
      'origenSemilla',
      'semilla',
      'insumosHash',
      'convocatoria',
      'config',
      'parqueaderos',
      'participantes',
      'excluidas',
      'resumen',
      'anulado',
    ]);
    expect(dto.ejecutadoEn).toBe('2026-01-01T00:00:00.000Z');
    expect(dto.excluidas).toEqual([]);
    expect(JSON.stringify(dto)).not.toMatch(/turno|tamanoBloque|bloques|version|residenteId|Ana/);
  });

  it('mi-asignacion: an exclusion reads as no_asignada without spot or waiting position', () => {
    const c = { id: 's1', nombre: 'Sorteo' };
    expect(aMiAsignacionDto(c, excluida())).toEqual({
      sorteoId: 's1',
      nombre: 'Sorteo',
      tipoVehiculo: 'carro',
      placa: 'XYZ999',
      resultado: 'no_asignada',
      parqueadero: null,
      posicionEspera: null,
    });
    expect(
      aMiAsignacionDto(
        c,
        participante({ resultado: 'no_asignada', parqueadero: null, posicionEspera: 3 }),
      ),
    ).toMatchObject({
      resultado: 'no_asignada',
      posicionEspera: 3,
    });
  });
});
