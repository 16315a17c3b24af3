import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { ejecutarSorteo } from './ejecutar-sorteo';
import { referencia } from './pruebas/referencia-sorteo';
import { canonizarValorPublico, compromisoDe, derivarSemilla } from './semilla-anunciada';
import type { ParticipanteSorteado } from './tipos';
import { ENTRADA_VECTOR, INSUMOS_HASH_VECTOR } from './vector-prueba';

/** SORTEO.md's "Announced draws" and "Strict tiers" test vectors, field by field. */

const SECRETO = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';
const SEMILLA_DERIVADA = '71098a2aa72f380aa64ea0d0b46ff6924fff73dbae6a8510810d81541c5e9f0e';

type Fila = [string, number, number, string, number, string, string | null, number | null];
const fila = (p: ParticipanteSorteado, campo: 'numeroAleatorio' | 'peso'): Fila => [
  p.solicitudId.slice(-2),
  p[campo],
  p.clave,
  p.etapa,
  p.posicion,
  p.resultado,
  p.parqueadero,
  p.posicionEspera,
];

describe('PARKNET-SEMILLA-v1 (SORTEO.md, vector de sorteo anunciado)', () => {
  it('pone los valores públicos en forma canónica', () => {
    expect(['  4821 ', 'serie  045', 'Testigo: bolita 17'].map(canonizarValorPublico)).toEqual([
      '4821',
      'SERIE 045',
      'TESTIGO: BOLITA 17',
    ]);
  });

  it('rechaza valores que no quedan en el alfabeto canónico', () => {
    for (const malo of ['', '   ', 'año 2026', 'x'.repeat(101), 'uno\u0000dos', 'a_b'])
      expect(canonizarValorPublico(malo)).toBeNull();
    expect(canonizarValorPublico('x'.repeat(100))).toBe('X'.repeat(100));
    expect(canonizarValorPublico('a\t\n b')).toBe('A B');
  });

  it('publica el compromiso y deriva la semilla del vector', () => {
    expect(compromisoDe(SECRETO)).toBe(
      'b755ed18185d0448746c865d67220151f3a451b5e0cb6aa149aa2cac9448a426',
    );
    const valores = ['4821', 'SERIE 045', 'TESTIGO: BOLITA 17'];
    expect(derivarSemilla(INSUMOS_HASH_VECTOR, SECRETO, valores)).toBe(SEMILLA_DERIVADA);
  });

  it('cualquier valor distinto, o en otro orden, cambia la semilla', () => {
    const base = ['4821', 'SERIE 045', 'TESTIGO: BOLITA 17'];
    const variantes = [
      ['4822', 'SERIE 045', 'TESTIGO: BOLITA 17'],
      ['SERIE 045', '4821', 'TESTIGO: BOLITA 17'],
      ['4821', 'SERIE 045'],
    ];
    for (const v of variantes)
      expect(derivarSemilla(INSUMOS_HASH_VECTOR, SECRETO, v)).not.toBe(
        derivarSemilla(INSUMOS_HASH_VECTOR, SECRETO, base),
      );
    expect(() => derivarSemilla(INSUMOS_HASH_VECTOR, SECRETO, ['serie 045'])).toThrow(
      /no canónico/,
    );
  });

  it('con esa semilla, ES-SHA256-v1 da la tabla publicada', () => {
    const r = ejecutarSorteo({ ...ENTRADA_VECTOR, semilla: SEMILLA_DERIVADA });
    expect(r.algoritmo).toBe('ES-SHA256-v1');
    expect(r.insumosHash).toBe(INSUMOS_HASH_VECTOR);
    expect(r.participantes.map((p) => fila(p, 'numeroAleatorio'))).toEqual([
      ['05', 0.3503484608589368, -0.0896433348143578, 'reservada', 1, 'asignada', 'S1-001', null],
      ['03', 0.9815934543427497, -0.00928902698132546, 'general', 1, 'asignada', 'S1-002', null],
      ['01', 0.5244925661151093, -0.179256673479259, 'general', 2, 'asignada', 'S1-003', null],
      ['02', 0.1911998369343707, -0.5514787104063031, 'general', 3, 'no_asignada', null, 1],
      ['04', 0.17235248198225428, -1.1721423901983823, 'general', 4, 'no_asignada', null, 2],
      ['07', 0.84068913792642, -0.0619761861419412, 'general', 1, 'asignada', 'M-01', null],
      ['06', 0.41219594887244815, -0.8056876714882122, 'general', 2, 'no_asignada', null, 1],
    ]);
  });
});

describe('NIVELES-SHA256-v1 (SORTEO.md, vector de niveles estrictos)', () => {
  const entrada = {
    ...ENTRADA_VECTOR,
    semilla: SEMILLA_DERIVADA,
    config: { ...CONFIG_PRIORIDAD_POR_DEFECTO, modo: 'niveles' as const },
  };

  it('da el insumosHash y la tabla publicados', () => {
    const r = ejecutarSorteo(entrada);
    expect(r.algoritmo).toBe('NIVELES-SHA256-v1');
    expect(r.insumosHash).toBe('46323af41f6f85ad71c42f54e4ce05d784f736351eabb82d27cc07fc8535e5c4');
    expect(r.participantes.map((p) => fila(p, 'peso'))).toEqual([
      ['05', 1600, 0.3503484608589368, 'reservada', 1, 'asignada', 'S1-001', null],
      ['01', 1000, 0.5244925661151093, 'general', 1, 'asignada', 'S1-002', null],
      ['02', 500, 0.1911998369343707, 'general', 2, 'asignada', 'S1-003', null],
      ['03', 100, 0.9815934543427497, 'general', 3, 'no_asignada', null, 1],
      ['04', 0, 0.17235248198225428, 'general', 4, 'no_asignada', null, 2],
      ['07', 100, 0.84068913792642, 'general', 1, 'asignada', 'M-01', null],
      ['06', 0, 0.41219594887244815, 'general', 2, 'no_asignada', null, 1],
    ]);
  });

  it('la lectura directa de SORTEO.md da lo mismo', () => {
    expect(referencia(entrada)).toEqual(ejecutarSorteo(entrada));
  });
});
