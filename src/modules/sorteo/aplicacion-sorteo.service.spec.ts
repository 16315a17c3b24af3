import { Logger } from '@nestjs/common';
import type { DesenlaceSorteo } from 'src/modules/solicitudes/solicitud.entity';
import { AplicacionRenunciaService } from './renuncias/aplicacion-renuncia.service';
import { AplicacionSorteoService } from './aplicacion-sorteo.service';
import type { TurnosService } from 'src/core/turnos/turnos.service';
import type { Decision, TurnoRegistro } from 'src/core/turnos/turno.entity';
import type { CabeceraSorteo, EstadoSorteo, ParticipanteGuardado } from './resultado.entity';
import type { SolicitudesDelSorteo } from 'src/modules/solicitudes/solicitudes-del-sorteo.port';
import type { SorteosRepository } from './sorteos.repository';
import type { AplicacionConvocatoriaService } from './convocatorias/aplicacion-convocatoria.service';
import type { NuevaEntrada } from 'src/modules/auditoria/entrada-auditoria';
import type { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { auditoriaDeDecision } from './auditoria-de-turno';

function turno(
  numero: number,
  tipo: TurnoRegistro['tipo'],
  sorteoId: string | null,
): TurnoRegistro {
  const fecha = new Date(0);
  return {
    numero,
    tipo,
    sorteoId,
    instancia: 'i',
    host: 'h',
    pid: 1,
    inicio: fecha,
    latido: fecha,
    terminado: false,
  };
}

const guardado = {
  solicitudId: 'a',
  version: 4,
  resultado: 'asignada',
  parqueadero: 'P1',
  posicionEspera: null,
  unidad: { torre: 'A', apartamento: '1' },
  placa: 'ABC123',
  tipoVehiculo: 'carro',
} as ParticipanteGuardado;

describe('AplicacionSorteoService', () => {
  let estado: EstadoSorteo;
  let decisiones: Map<number, Decision>;
  let llamadas: string[];
  let servicio: AplicacionSorteoService;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    estado = 'preparando';
    decisiones = new Map();
    llamadas = [];
    const repo = {
      cabecera: (id: string) =>
        Promise.resolve({
          id,
          estado,
          ejecutadoPor: 'admin',
          anulado: null,
          bloques: { participantes: 1, excluidas: 0, parqueaderos: 1 },
        } as unknown as CabeceraSorteo),
      cambiarEstado: (_: string, e: EstadoSorteo) => {
        llamadas.push(`estado:${e}`);
        estado = e;
        return Promise.resolve();
      },
      todos: (_: string, tipo: string) =>
        Promise.resolve(tipo === 'participantes' ? [guardado] : []),
      borrarBloques: () => {
        llamadas.push('borrarBloques');
        return Promise.resolve();
      },
      borrarCabecera: () => {
        llamadas.push('borrarCabecera');
        return Promise.resolve();
      },
      marcarAnulado: () => {
        llamadas.push('marcarAnulado');
        return Promise.resolve();
      },
    };
    const turnos = {
      decidirPorOtro: (n: number, valor: Decision['valor']) => {
        if (!decisiones.has(n))
          decisiones.set(n, {
            turno: n,
            valor,
            anulacion: null,
            cancelacion: null,
            renuncia: null,
            auditoria: null,
          });
        return Promise.resolve(decisiones.get(n)!);
      },
      terminarOtro: (n: number) => {
        llamadas.push(`terminar:${n}`);
        return Promise.resolve();
      },
    };
    const solicitudes: Partial<SolicitudesDelSorteo> = {
      aplicarSorteo: (id: string, usuario: string, d: DesenlaceSorteo[]) => {
        llamadas.push(
          `aplicar:${id}:${usuario}:${d.map((x) => `${x.id}@${x.version}=${x.estado}`).join(',')}`,
        );
        return Promise.resolve();
      },
      liberarReservasDeSorteo: (id: string) => {
        llamadas.push(`liberar:${id}`);
        return Promise.resolve();
      },
      revertirSorteo: (id: string, por: string, motivo: string) => {
        llamadas.push(`revertir:${id}:${por}:${motivo}`);
        return Promise.resolve();
      },
    };
    servicio = new AplicacionSorteoService(
      repo as unknown as SorteosRepository,
      turnos as unknown as TurnosService,
      solicitudes as SolicitudesDelSorteo,
      {
        esDeConvocatoria: (id: string) => Promise.resolve(id === 'conv'),
        recuperarTurno: (t: TurnoRegistro) => {
          llamadas.push(`convocatoria:${t.tipo}`);
          return Promise.resolve();
        },
      } as unknown as AplicacionConvocatoriaService,
      {
        recuperar: (t: TurnoRegistro) => {
          llamadas.push(`renuncia:${t.numero}`);
          return Promise.resolve();
        },
      } as unknown as AplicacionRenunciaService,
      {
        registrarSiFalta: (e: NuevaEntrada) => {
          llamadas.push(`auditoria:${e.accion}:${e.fecha?.toISOString()}`);
          return Promise.resolve(true);
        },
      } as unknown as AuditoriaService,
    );
  });

  it("records the entry a confirmed turn's decision carries, after its work and before closing it", async () => {
    const fecha = new Date('2026-12-03T10:00:00.000Z');
    decisiones.set(5, {
      turno: 5,
      valor: 'confirmar',
      anulacion: null,
      cancelacion: null,
      renuncia: null,
      auditoria: auditoriaDeDecision({
        actor: { id: 'admin', rol: 'admin' },
        accion: 'convocatoria.cerrada',
        recurso: { tipo: 'convocatoria', id: 'c1' },
        fecha,
        cambios: { estado: { antes: 'abierta', despues: 'cerrada' } },
      }),
    });
    await servicio.recuperar([turno(5, 'cierre', 'x'), turno(6, 'cierre', 'x')]);
    // Turn 6 never confirmed: undone, and nothing recorded for it.
    expect(llamadas).toEqual([
      'convocatoria:cierre',
      `auditoria:convocatoria.cerrada:${fecha.toISOString()}`,
      'terminar:5',
      'convocatoria:cierre',
      'terminar:6',
    ]);
  });

  it('undoes a dead draw that never confirmed: seals abortar, releases, deletes, marks aborted', async () => {
    await servicio.recuperar([turno(1, 'sorteo', 's1')]);
    expect(decisiones.get(1)?.valor).toBe('abortar');
    expect(llamadas).toEqual(['liberar:s1', 'borrarBloques', 'estado:abortado', 'terminar:1']);
  });

  it("undoes a convocatoria's draw keeping its reservations, so it can be drawn again", async () => {
    await servicio.recuperar([turno(1, 'sorteo', 'conv')]);
    expect(llamadas).toEqual(['borrarBloques', 'borrarCabecera', 'terminar:1']);
  });

  it("hands a dead close's or cancellation's turn to the convocatorias", async () => {
    await servicio.recuperar([turno(2, 'cierre', 'x'), turno(3, 'cancelacion', 'x')]);
    expect(llamadas).toEqual([
      'convocatoria:cierre',
      'terminar:2',
      'convocatoria:cancelacion',
      'terminar:3',
    ]);
  });

  it('never undoes a complete draw (a refused later attempt under the same id)', async () => {
    estado = 'completo';
    await servicio.deshacer('conv');
    await servicio.deshacer('s1');
    expect(llamadas).toEqual([]);
  });

  it('completes a dead draw that had confirmed, from the stored chunks', async () => {
    decisiones.set(1, {
      turno: 1,
      valor: 'confirmar',
      anulacion: null,
      cancelacion: null,
      renuncia: null,
      auditoria: null,
    });
    await servicio.recuperar([turno(1, 'sorteo', 's1')]);
    expect(llamadas).toEqual(['aplicar:s1:admin:a@5=asignada', 'estado:completo', 'terminar:1']);
    // Again after another crash before `terminar`: nothing left to do but closing the turn.
    llamadas = [];
    await servicio.recuperar([turno(1, 'sorteo', 's1')]);
    expect(llamadas).toEqual(['terminar:1']);
  });

  it('finishes a confirmed annulment and ignores an unconfirmed one', async () => {
    decisiones.set(2, {
      turno: 2,
      valor: 'confirmar',
      anulacion: { sorteoId: 's1', motivo: 'error', por: 'admin', fecha: new Date() },
      cancelacion: null,
      renuncia: null,
      auditoria: null,
    });
    await servicio.recuperar([
      turno(2, 'anulacion', 's1'),
      turno(3, 'anulacion', 's1'),
      turno(4, 'recuperacion', null),
    ]);
    expect(llamadas).toEqual([
      'marcarAnulado',
      'revertir:s1:admin:error',
      'terminar:2',
      'terminar:3',
      'terminar:4',
    ]);
    expect(decisiones.get(3)?.valor).toBe('abortar');
  });
});
