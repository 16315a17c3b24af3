import { holderVivo, type ProcesoLocal, type TurnoRegistro } from './turno.entity';

const AHORA = Date.parse('2026-01-01T00:00:30Z');
const local = (existe: boolean): ProcesoLocal => ({ host: 'esta', pid: 100, existe: () => existe });

function turno(over: Partial<TurnoRegistro> = {}): TurnoRegistro {
  return {
    numero: 1,
    tipo: 'sorteo',
    sorteoId: 'x',
    instancia: 'i',
    host: 'otra',
    pid: 200,
    inicio: new Date('2026-01-01T00:00:00Z'),
    latido: new Date('2026-01-01T00:00:25Z'),
    terminado: false,
    ...over,
  };
}

describe('holderVivo', () => {
  it('a recent heartbeat from another host is alive; a stale one is dead', () => {
    expect(holderVivo(turno(), AHORA, 30_000, local(false))).toBe(true);
    expect(holderVivo(turno(), AHORA, 5_000, local(false))).toBe(false);
  });
  it('a finished turn has no live holder', () => {
    expect(holderVivo(turno({ terminado: true }), AHORA, 30_000, local(true))).toBe(false);
  });
  it('on this host, a holder whose process is gone is dead at once', () => {
    expect(holderVivo(turno({ host: 'esta' }), AHORA, 30_000, local(false))).toBe(false);
    expect(holderVivo(turno({ host: 'esta' }), AHORA, 30_000, local(true))).toBe(true);
  });
  it('this very process is judged by its heartbeat only (several apps may share it)', () => {
    expect(holderVivo(turno({ host: 'esta', pid: 100 }), AHORA, 30_000, local(false))).toBe(true);
  });
});
