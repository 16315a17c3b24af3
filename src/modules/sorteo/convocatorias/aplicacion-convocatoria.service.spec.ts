import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import type { Decision, TurnoRegistro } from 'src/core/turnos/turno.entity';
import type { SolicitudesDelSorteo } from 'src/modules/solicitudes/solicitudes-del-sorteo.port';
import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { AplicacionConvocatoriaService, CLAVE_ACTIVA } from './aplicacion-convocatoria.service';
import type { Convocatoria, PublicadoAlCierre } from './convocatoria.entity';
import type { ConvocatoriasRepository } from './convocatorias.repository';

const PUBLICADO: PublicadoAlCierre = {
  cerradaEn: new Date('2026-06-15T12:00:00Z'),
  config: CONFIG_PRIORIDAD_POR_DEFECTO,
  insumosHash: 'a'.repeat(64),
  compromisoServidor: 'b'.repeat(64),
  resumen: {
    participantes: { carro: 1, moto: 0 },
    parqueaderos: { carro: 1, moto: 0 },
    excluidos: 0,
  },
  tamanoBloque: 1000,
  bloques: { participantes: 1, excluidas: 0, parqueaderos: 1 },
  primeros: ['665f1a000000000000000001'],
};

const turno = (tipo: TurnoRegistro['tipo']): TurnoRegistro => ({
  numero: 7,
  tipo,
  sorteoId: 's1',
  instancia: 'i',
  host: 'h',
  pid: 1,
  inicio: new Date(0),
  latido: new Date(0),
  terminado: false,
});
const decision = (valor: Decision['valor'], cancelacion: Decision['cancelacion'] = null) => ({
  turno: 7,
  valor,
  anulacion: null,
  cancelacion,
  renuncia: null,
  auditoria: null,
});

/** The recovery of a dead holder's close or cancellation, on in-memory fakes. */
describe('AplicacionConvocatoriaService', () => {
  let conv: Convocatoria;
  let pendiente: PublicadoAlCierre | null;
  let llamadas: string[];
  let servicio: AplicacionConvocatoriaService;

  beforeEach(() => {
    llamadas = [];
    pendiente = PUBLICADO;
    conv = {
      id: 'c1',
      idSorteo: 's1',
      estado: 'abierta',
      cierre: null,
    } as Convocatoria;
    const repo = {
      buscar: () => Promise.resolve({ ...conv }),
      porIdSorteo: (s: string) => Promise.resolve(s === 's1' ? { ...conv } : null),
      cierrePendiente: () => Promise.resolve(pendiente),
      publicarCierre: (_: string, p: PublicadoAlCierre) => {
        llamadas.push('publicar');
        conv = { ...conv, estado: 'cerrada', cierre: p };
        return Promise.resolve();
      },
      marcarCancelada: () => {
        llamadas.push('cancelada');
        conv = { ...conv, estado: 'cancelada' };
        return Promise.resolve();
      },
      marcarEjecutada: (_: string, sorteoId: string) => {
        llamadas.push(`ejecutada:${sorteoId}`);
        conv = { ...conv, estado: 'ejecutada' };
        return Promise.resolve();
      },
      borrarBloques: () => (llamadas.push('bloques'), Promise.resolve()),
      borrarSecreto: () => (llamadas.push('secreto'), Promise.resolve()),
      borrarCierrePendiente: () => (llamadas.push('pendiente'), Promise.resolve()),
    };
    const reclamos = {
      liberar: (claves: string[], dueno: string) => {
        llamadas.push(`liberar:${claves.join()}:${dueno}`);
        return Promise.resolve();
      },
    };
    const solicitudes = {
      liberarReservasDeSorteo: (id: string) => (llamadas.push(`reservas:${id}`), Promise.resolve()),
    };
    servicio = new AplicacionConvocatoriaService(
      repo as unknown as ConvocatoriasRepository,
      reclamos as unknown as ReclamosRepository,
      solicitudes as unknown as SolicitudesDelSorteo,
      { emit: jest.fn() } as unknown as EventEmitter2,
    );
  });

  it('a confirmed close is published from the pending record, once', async () => {
    await servicio.recuperarTurno(turno('cierre'), decision('confirmar'));
    expect(llamadas).toEqual(['publicar']);
    expect(conv.cierre).toEqual(PUBLICADO);
    await servicio.recuperarTurno(turno('cierre'), decision('confirmar'));
    expect(llamadas).toEqual(['publicar']);
  });

  it('a confirmed close without its record is an error, never a silent half-close', async () => {
    pendiente = null;
    await expect(servicio.recuperarTurno(turno('cierre'), decision('confirmar'))).rejects.toThrow(
      /no tiene registro/,
    );
  });

  it('an aborted close releases the reservations and deletes what it stored', async () => {
    await servicio.recuperarTurno(turno('cierre'), decision('abortar'));
    expect(llamadas).toEqual(['reservas:s1', 'bloques', 'secreto', 'pendiente']);
    expect(conv.estado).toBe('abierta');
  });

  it('an aborted close never undoes a convocatoria that got to cerrada', async () => {
    conv = { ...conv, estado: 'cerrada', cierre: PUBLICADO };
    await servicio.recuperarTurno(turno('cierre'), decision('abortar'));
    expect(llamadas).toEqual([]);
  });

  it('a confirmed cancellation of a cerrada one: reservations, mark, claim; repeatable', async () => {
    conv = { ...conv, estado: 'cerrada', cierre: PUBLICADO };
    const c = { convocatoriaId: 'c1', motivo: 'm', por: 'a', fecha: new Date() };
    await servicio.recuperarTurno(turno('cancelacion'), decision('confirmar', c));
    expect(llamadas).toEqual(['reservas:s1', 'cancelada', `liberar:${CLAVE_ACTIVA}:c1`]);
    llamadas = [];
    await servicio.recuperarTurno(turno('cancelacion'), decision('confirmar', c));
    expect(llamadas).toEqual(['reservas:s1', `liberar:${CLAVE_ACTIVA}:c1`]);
  });

  it('an unconfirmed cancellation changes nothing; an abierta one has no reservations', async () => {
    await servicio.recuperarTurno(turno('cancelacion'), decision('abortar'));
    expect(llamadas).toEqual([]);
    const c = { convocatoriaId: 'c1', motivo: 'm', por: 'a', fecha: new Date() };
    await servicio.completarCancelacion(c);
    expect(llamadas).toEqual(['cancelada', `liberar:${CLAVE_ACTIVA}:c1`]);
  });

  it('a completed draw marks it ejecutada and frees the claim, idempotently', async () => {
    await servicio.alCompletarSorteo('c1', 's1');
    await servicio.alCompletarSorteo('c1', 's1');
    expect(llamadas).toEqual([
      'ejecutada:s1',
      `liberar:${CLAVE_ACTIVA}:c1`,
      `liberar:${CLAVE_ACTIVA}:c1`,
    ]);
    expect(await servicio.esDeConvocatoria('s1')).toBe(true);
    expect(await servicio.esDeConvocatoria('otro')).toBe(false);
  });
});
