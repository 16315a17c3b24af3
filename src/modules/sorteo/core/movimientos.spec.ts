import { ejecutarSorteo } from './ejecutar-sorteo';
import {
  actuales,
  aplicarMovimiento,
  candidatos,
  type Evaluado,
  grupoDeRenuncia,
  type Movimiento,
  OMISION_EN_MORA,
  OMISION_FUERA_DE_LISTA,
  type ParticipanteEnLista,
  reproducir,
} from './movimientos';
import { ENTRADA_VECTOR } from './vector-prueba';
import { verificarMovimientos } from './verificar-movimientos';

/** SORTEO.md: the first vector's participants and spots under the derived seed. */
const SEMILLA_DERIVADA = '71098a2aa72f380aa64ea0d0b46ff6924fff73dbae6a8510810d81541c5e9f0e';
const RESULTADO = ejecutarSorteo({ ...ENTRADA_VECTOR, semilla: SEMILLA_DERIVADA });
const P = RESULTADO.participantes;
const id = (sufijo: string): string => `665f1a0000000000000000${sufijo}`;
const SPOTS = ENTRADA_VECTOR.parqueaderos;
const spot = (codigo: string) => SPOTS.find((s) => s.codigo === codigo)!;

/** Runs one renuncia the way the service does, with `omitir` deciding who is ineligible. */
function renunciar(
  movs: Movimiento[],
  solicitudId: string,
  omitir: (id: string) => string | null = () => null,
  participantes: readonly ParticipanteEnLista[] = P,
): Movimiento[] {
  const t = reproducir(participantes, movs);
  const parqueadero = t.parqueaderoDe.get(solicitudId)!;
  const siguiente = t.siguiente;
  aplicarMovimiento(t, {
    n: siguiente,
    tipo: 'renuncia',
    solicitudId,
    parqueadero,
    motivo: 'RENUNCIA',
  });
  const evaluados: Evaluado[] = [];
  for (const c of candidatos(participantes, t, spot(parqueadero))) {
    const omision = omitir(c.solicitudId);
    evaluados.push({ solicitudId: c.solicitudId, omision });
    if (omision === null) break;
  }
  return [
    ...movs,
    ...grupoDeRenuncia({ siguiente }, { solicitudId, parqueadero, motivo: 'RENUNCIA' }, evaluados),
  ];
}

describe('movimientos (SORTEO.md example)', () => {
  it('the outcome under the derived seed is the one SORTEO.md tabulates', () => {
    const t = reproducir(P, []);
    expect(Object.fromEntries(t.titular)).toEqual({
      'S1-001': id('05'),
      'S1-002': id('03'),
      'S1-003': id('01'),
      'M-01': id('07'),
    });
  });

  it('03 renounces S1-002 → 02; 05 renounces S1-001 → 04; 01 renounces S1-003 → vacante', () => {
    let movs = renunciar([], id('03'));
    movs = renunciar(movs, id('05'));
    movs = renunciar(movs, id('01'));
    expect(movs.map((m) => [m.n, m.tipo, m.solicitudId?.slice(-2) ?? null, m.parqueadero])).toEqual(
      [
        [1, 'renuncia', '03', 'S1-002'],
        [2, 'promocion', '02', 'S1-002'],
        [3, 'renuncia', '05', 'S1-001'],
        [4, 'promocion', '04', 'S1-001'],
        [5, 'renuncia', '01', 'S1-003'],
        [6, 'vacante', null, 'S1-003'],
      ],
    );
    expect(verificarMovimientos(P, SPOTS, movs)).toEqual([]);
    const t = reproducir(P, movs);
    expect(Object.fromEntries(t.titular)).toEqual({
      'S1-001': id('04'),
      'S1-002': id('02'),
      'M-01': id('07'),
    });
    expect(actuales(movs).get(id('03'))).toEqual({
      resultado: 'no_asignada',
      parqueadero: null,
      posicionEspera: null,
    });
    expect(actuales(movs).get(id('02'))).toEqual({
      resultado: 'asignada',
      parqueadero: 'S1-002',
      posicionEspera: null,
    });
  });

  it('a reserved spot goes to waiting participants with a disability first', () => {
    // 04 given a disability: it jumps 02 for the reserved S1-001, not for S1-002.
    const conDiscapacidad = P.map((p) =>
      p.solicitudId === id('04') ? { ...p, discapacidad: true } : p,
    );
    const t = reproducir(conDiscapacidad, []);
    expect(candidatos(conDiscapacidad, t, spot('S1-001')).map((p) => p.solicitudId)).toEqual([
      id('04'),
      id('02'),
    ]);
    expect(candidatos(conDiscapacidad, t, spot('S1-002')).map((p) => p.solicitudId)).toEqual([
      id('02'),
      id('04'),
    ]);
    expect(candidatos(conDiscapacidad, t, spot('M-01')).map((p) => p.solicitudId)).toEqual([
      id('06'),
    ]);
  });

  it('an ineligible candidate is recorded as omitted and stays on the list for the next spot', () => {
    let movs = renunciar([], id('03'), (s) => (s === id('02') ? OMISION_EN_MORA : null));
    expect(movs.map((m) => [m.tipo, m.solicitudId?.slice(-2) ?? null])).toEqual([
      ['renuncia', '03'],
      ['omision', '02'],
      ['promocion', '04'],
    ]);
    movs = renunciar(movs, id('01'));
    expect(movs.at(-1)).toMatchObject({ tipo: 'promocion', solicitudId: id('02') });
    expect(verificarMovimientos(P, SPOTS, movs)).toEqual([]);
  });

  it('one who left the waiting list is omitted once and never considered again', () => {
    let movs = renunciar([], id('03'), (s) => (s === id('02') ? OMISION_FUERA_DE_LISTA : null));
    movs = renunciar(movs, id('01'));
    expect(movs.slice(3).map((m) => m.tipo)).toEqual(['renuncia', 'vacante']);
    expect(verificarMovimientos(P, SPOTS, movs)).toEqual([]);
  });

  it('nobody eligible: every candidate omitted, then a vacante', () => {
    const movs = renunciar([], id('07'), () => OMISION_EN_MORA);
    expect(movs.map((m) => m.tipo)).toEqual(['renuncia', 'omision', 'vacante']);
    expect(verificarMovimientos(P, SPOTS, movs)).toEqual([]);
  });
});

describe('verificarMovimientos catches tampering', () => {
  const buenos = renunciar(renunciar([], id('03')), id('05'));

  it('a promotion given to someone other than the first candidate', () => {
    const malos = buenos.map((m) => (m.n === 2 ? { ...m, solicitudId: id('04') } : m));
    expect(verificarMovimientos(P, SPOTS, malos).join('\n')).toContain('no es la siguiente');
  });

  it('a gap in the numbers', () => {
    const malos = buenos.filter((m) => m.n !== 2);
    expect(verificarMovimientos(P, SPOTS, malos)[0]).toContain('se esperaba el número 2');
  });

  it('a renuncia by someone who held no spot', () => {
    const malos = [...buenos, ...renunciar([], id('01')).map((m) => ({ ...m, n: m.n + 4 }))];
    malos[4] = { ...malos[4], solicitudId: id('03') };
    expect(verificarMovimientos(P, SPOTS, malos).join('\n')).toContain('no tenía el parqueadero');
  });

  it('a vacante while someone was still waiting', () => {
    const malos = buenos.map((m) =>
      m.n === 2 ? { ...m, tipo: 'vacante' as const, solicitudId: null } : m,
    );
    expect(verificarMovimientos(P, SPOTS, malos).join('\n')).toContain('quedaba en espera');
  });
});
