import type { EventEmitter2 } from '@nestjs/event-emitter';
import { TURNO_ABANDONADO } from './turnos.events';
import type { TurnosRepository } from './turnos.repository';
import { TurnosService } from './turnos.service';
import type { Decision, TurnoRegistro } from './turno.entity';

/** The sequence and decisions in memory, with inserts that fail on a taken key like a unique index. */
class RepoEnMemoria {
  turnos = new Map<number, TurnoRegistro>();
  decisiones = new Map<number, Decision>();
  /** Runs between the liveness check and reading the last number: a concurrent caller's window. */
  antesDeUltimo: (() => void) | null = null;

  ultimo(): Promise<TurnoRegistro | null> {
    this.antesDeUltimo?.();
    this.antesDeUltimo = null;
    const max = Math.max(0, ...this.turnos.keys());
    return Promise.resolve(this.turnos.get(max) ?? null);
  }
  pendientes(): Promise<TurnoRegistro[]> {
    return Promise.resolve([...this.turnos.values()].filter((t) => !t.terminado));
  }
  reclamar(t: Omit<TurnoRegistro, 'terminado'>): Promise<boolean> {
    if (this.turnos.has(t.numero)) return Promise.resolve(false);
    this.turnos.set(t.numero, { ...t, terminado: false });
    return Promise.resolve(true);
  }
  latir(): Promise<void> {
    return Promise.resolve();
  }
  abortadoPorOtro(n: number): Promise<boolean> {
    return Promise.resolve(this.decisiones.get(n)?.valor === 'abortar');
  }
  terminado(n: number): Promise<boolean> {
    return Promise.resolve(this.turnos.get(n)?.terminado === true);
  }
  terminar(n: number): Promise<void> {
    const t = this.turnos.get(n);
    if (t) t.terminado = true;
    return Promise.resolve();
  }
  decidir(turno: number, valor: Decision['valor']): Promise<Decision> {
    if (!this.decisiones.has(turno))
      this.decisiones.set(turno, {
        turno,
        valor,
        anulacion: null,
        cancelacion: null,
        renuncia: null,
        auditoria: null,
      });
    return Promise.resolve(this.decisiones.get(turno)!);
  }
  decision(turno: number): Promise<Decision | null> {
    return Promise.resolve(this.decisiones.get(turno) ?? null);
  }
}

function ajeno(numero: number, latido: Date, terminado = false): TurnoRegistro {
  return {
    numero,
    tipo: 'sorteo',
    sorteoId: `s${numero}`,
    instancia: 'otra',
    host: 'otro-host',
    pid: 1,
    inicio: latido,
    latido,
    terminado,
  };
}

describe('TurnosService', () => {
  let repo: RepoEnMemoria;
  let servicio: TurnosService;

  beforeEach(() => {
    repo = new RepoEnMemoria();
    servicio = new TurnosService(repo as unknown as TurnosRepository, {
      latidoTimeoutMs: 30_000,
    });
  });
  afterEach(() => servicio.onApplicationShutdown());

  it('takes the next number and, once finished, lets the next caller in', async () => {
    const a = await servicio.adquirir('sorteo', 's1');
    expect(a.numero).toBe(1);
    await expect(servicio.adquirir('sorteo', 's2')).rejects.toMatchObject({
      code: 'SORTEO_EN_CURSO',
    });
    await a.terminar();
    const b = await servicio.adquirir('anulacion', 's1');
    expect(b.numero).toBe(2);
    expect(b.previos).toEqual([]);
    await b.terminar();
  });

  it('when a holder slips in between the check and the insert, the lower number keeps the lock', async () => {
    repo.antesDeUltimo = () => repo.turnos.set(1, ajeno(1, new Date()));
    await expect(servicio.adquirir('sorteo', 's2')).rejects.toMatchObject({
      code: 'SORTEO_EN_CURSO',
    });
    expect(repo.turnos.get(2)?.terminado).toBe(true);
    expect(repo.turnos.get(1)?.terminado).toBe(false);
    expect(repo.decisiones.size).toBe(0);
  });

  it('hands over the unfinished turns of dead holders, oldest first, to be recovered', async () => {
    const viejo = new Date(Date.now() - 60_000);
    repo.turnos.set(1, ajeno(1, viejo));
    repo.turnos.set(2, ajeno(2, viejo, true));
    repo.turnos.set(3, ajeno(3, viejo));
    const t = await servicio.adquirir('recuperacion', null);
    expect(t.numero).toBe(4);
    expect(t.previos.map((p) => p.numero)).toEqual([1, 3]);
    await t.terminar();
  });

  it('a holder sealed as aborted by a recovery stops at its next check', async () => {
    jest.useFakeTimers();
    try {
      const t = await servicio.adquirir('sorteo', 's1');
      expect(() => t.vigente()).not.toThrow();
      repo.decisiones.set(t.numero, {
        turno: t.numero,
        valor: 'abortar',
        anulacion: null,
        cancelacion: null,
        renuncia: null,
        auditoria: null,
      });
      await jest.advanceTimersByTimeAsync(6_000);
      expect(() => t.vigente()).toThrow(expect.objectContaining({ code: 'SORTEO_EN_CURSO' }));
      t.soltar();
    } finally {
      jest.useRealTimers();
    }
  });

  it('a holder whose heartbeats stop landing gives up before others presume it dead', async () => {
    jest.useFakeTimers();
    try {
      const t = await servicio.adquirir('sorteo', 's1');
      jest.spyOn(repo, 'latir').mockRejectedValue(new Error('sin conexión'));
      await jest.advanceTimersByTimeAsync(16_000);
      expect(() => t.vigente()).toThrow(expect.objectContaining({ code: 'SORTEO_EN_CURSO' }));
      t.soltar();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('TurnosService: a database failure while taking a turn', () => {
  /** A service whose emitted events are recorded. */
  function conEventos() {
    const repo = new RepoEnMemoria();
    const emitidos: string[] = [];
    const eventos = { emit: (nombre: string) => emitidos.push(nombre) } as unknown as EventEmitter2;
    const servicio = new TurnosService(
      repo as unknown as TurnosRepository,
      { latidoTimeoutMs: 30_000 },
      eventos,
    );
    return { repo, emitidos, servicio };
  }

  it('tells the recovery when the number may be claimed with nobody to run it', async () => {
    const { repo, emitidos, servicio } = conEventos();
    // The turn is inserted; the database stops answering right after, before any heartbeat.
    const original = repo.reclamar.bind(repo);
    repo.reclamar = async (t) => {
      const ganado = await original(t);
      repo.pendientes = () => Promise.reject(new Error('MongoOperationTimeoutError'));
      return ganado;
    };
    await expect(servicio.adquirir('sorteo', 's1')).rejects.toThrow('MongoOperationTimeoutError');
    expect(repo.turnos.size).toBe(1);
    expect(emitidos).toEqual([TURNO_ABANDONADO]);
    servicio.onApplicationShutdown();
  });

  it('does not when the turn was simply refused (another holder works)', async () => {
    const { emitidos, servicio } = conEventos();
    const a = await servicio.adquirir('sorteo', 's1');
    await expect(servicio.adquirir('sorteo', 's2')).rejects.toMatchObject({
      code: 'SORTEO_EN_CURSO',
    });
    expect(emitidos).toEqual([]);
    await a.terminar();
    servicio.onApplicationShutdown();
  });
});
