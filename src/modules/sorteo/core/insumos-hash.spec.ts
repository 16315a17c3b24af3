import { createHash } from 'node:crypto';
import { calcularInsumosHash } from './insumos-hash';
import { ordenarPorSolicitudId } from './orden';
import { tabular } from './tabla';
import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { ALGORITMO_SORTEO, type ParqueaderoEntrada, type ParticipanteEntrada } from './tipos';

/** SORTEO.md's lines, joined by "\n" as one string: the obvious reading of the spec. */
function literal(ps: ParticipanteEntrada[], pesos: Float64Array, ss: ParqueaderoEntrada[]): string {
  const porId = ps.map((p, i) => ({ p, peso: pesos[i] }));
  porId.sort((a, b) => (a.p.solicitudId < b.p.solicitudId ? -1 : 1));
  const porCodigo = [...ss].sort((a, b) => (a.codigo < b.codigo ? -1 : 1));
  const lineas = [
    'ES-SHA256-v1',
    ...porId.map(
      ({ p, peso }) => `P ${p.solicitudId} ${p.tipoVehiculo} ${p.discapacidad ? 1 : 0} ${peso}`,
    ),
    ...porCodigo.map((s) => `S ${s.codigo} ${s.tipo} ${s.discapacidad ? 1 : 0}`),
  ];
  return createHash('sha256').update(lineas.join('\n'), 'utf8').digest('hex');
}

describe('calcularInsumosHash', () => {
  // ~45 bytes a line: 5,000 participants cross the 64 KiB block several times, also mid-line.
  const participantes: ParticipanteEntrada[] = Array.from({ length: 5000 }, (_, i) => ({
    solicitudId: ((i * 2654435761) >>> 0).toString(16).padStart(24, 'a'),
    tipoVehiculo: i % 4 === 0 ? 'moto' : 'carro',
    discapacidad: i % 29 === 0,
    adultoMayor: i % 7 === 0,
    sinAsignacionPrevia: i % 3 === 0,
    aniosResidencia: i % 23,
  }));
  const parqueaderos: ParqueaderoEntrada[] = Array.from({ length: 300 }, (_, i) => ({
    codigo: `Z-${(300 - i) * 7}`,
    tipo: i % 5 === 0 ? 'moto' : 'carro',
    discapacidad: i % 5 === 1,
  }));

  it('es el SHA-256 de las líneas unidas por "\\n", también cuando pasan de un bloque', () => {
    const semilla = 'ab'.repeat(32);
    const tabla = tabular(participantes, semilla, CONFIG_PRIORIDAD_POR_DEFECTO);
    const orden = ordenarPorSolicitudId(participantes, tabla.id);
    expect(
      calcularInsumosHash(ALGORITMO_SORTEO, participantes, tabla.pesos, orden, parqueaderos),
    ).toBe(literal(participantes, tabla.pesos, parqueaderos));
  });

  it('rechaza una línea más larga que el margen del bloque en vez de truncarla', () => {
    const largo: ParqueaderoEntrada[] = [
      { codigo: 'X'.repeat(70_000), tipo: 'carro', discapacidad: false },
    ];
    expect(() =>
      calcularInsumosHash(ALGORITMO_SORTEO, [], new Float64Array(0), new Uint32Array(0), largo),
    ).toThrow(/más larga/);
  });

  it('rechaza un carácter que no es ASCII en vez de hashear otro texto', () => {
    const raro: ParqueaderoEntrada[] = [{ codigo: 'Ñ-1', tipo: 'carro', discapacidad: false }];
    expect(() =>
      calcularInsumosHash(ALGORITMO_SORTEO, [], new Float64Array(0), new Uint32Array(0), raro),
    ).toThrow(/no ASCII/);
  });
});
