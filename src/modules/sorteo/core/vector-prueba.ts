import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import type { EntradaSorteo, ParticipanteEntrada } from './tipos';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';

/** SORTEO.md's test vector, the inputs as published there. */

function participante(
  sufijo: string,
  tipoVehiculo: TipoVehiculo,
  [discapacidad, adultoMayor, sinAsignacionPrevia]: [boolean, boolean, boolean],
  aniosResidencia: number,
): ParticipanteEntrada {
  return {
    solicitudId: `665f1a0000000000000000${sufijo}`,
    tipoVehiculo,
    discapacidad,
    adultoMayor,
    sinAsignacionPrevia,
    aniosResidencia,
  };
}

export const ENTRADA_VECTOR: EntradaSorteo = {
  semilla: 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdef0123456789',
  config: CONFIG_PRIORIDAD_POR_DEFECTO,
  participantes: [
    participante('01', 'carro', [true, false, false], 2),
    participante('02', 'carro', [false, true, false], 12),
    participante('03', 'carro', [false, false, true], 0),
    participante('04', 'carro', [false, false, false], 5),
    participante('05', 'carro', [true, true, true], 3),
    participante('06', 'moto', [false, false, false], 1),
    participante('07', 'moto', [false, false, true], 4),
  ],
  parqueaderos: [
    { codigo: 'S1-001', tipo: 'carro', discapacidad: true },
    { codigo: 'S1-002', tipo: 'carro', discapacidad: false },
    { codigo: 'S1-003', tipo: 'carro', discapacidad: false },
    { codigo: 'M-01', tipo: 'moto', discapacidad: false },
  ],
};

export const INSUMOS_HASH_VECTOR =
  '4e08a83046f1cc84ca5b91f471539ae8207774bee1ae1b51f15ebe17ae421504';
