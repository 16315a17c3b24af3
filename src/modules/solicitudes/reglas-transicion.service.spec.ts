import type { SorteoEstadoService } from 'src/core/turnos/sorteo-estado.service';
import type { ConfigPrioridadService } from 'src/modules/config-prioridad/config-prioridad.service';
import type { ResidentesService } from 'src/modules/residentes/residentes.service';
import { DomainError } from 'src/shared/errors/domain-error';
import { LecturasReglas, ReglasTransicion } from './reglas-transicion.service';
import { EstadoSolicitud, SolicitudEntidad } from './solicitud.entity';
import type { Origen } from './maquina-estados';

const solicitud = (estado: EstadoSolicitud, residenteId = 'r1'): SolicitudEntidad => ({
  id: 's1',
  residenteId,
  unidad: { torre: 'A', apartamento: '101' },
  vehiculo: { placa: 'ABC123', tipo: 'carro' },
  observaciones: null,
  estado,
  motivo: null,
  sorteoId: null,
  parqueadero: null,
  posicionEspera: null,
  version: 0,
  historial: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

function reglasCon(opciones: { requiereAlDia: boolean; enMora: string[]; sorteo: boolean }) {
  const lecturas = { config: 0, residente: 0, todos: 0, sorteo: 0 };
  const config = {
    obtener: async () => {
      lecturas.config += 1;
      return { requiereAlDia: opciones.requiereAlDia };
    },
  } as unknown as ConfigPrioridadService;
  const residentes = {
    buscar: async (id: string) => {
      lecturas.residente += 1;
      return { id, alDia: !opciones.enMora.includes(id) };
    },
    idsEnMora: async (ids: readonly string[]) => {
      lecturas.todos += 1;
      return new Set(opciones.enMora.filter((id) => ids.includes(id)));
    },
  } as unknown as ResidentesService;
  const sorteos = {
    hayUnoEnCurso: async () => {
      lecturas.sorteo += 1;
      return opciones.sorteo;
    },
  } as unknown as SorteoEstadoService;
  return { reglas: new ReglasTransicion(config, residentes, sorteos), lecturas };
}

async function codigo(
  reglas: ReglasTransicion,
  s: SolicitudEntidad,
  estado: EstadoSolicitud,
  origen: Origen,
  l: LecturasReglas,
  motivo: string | null = null,
): Promise<string | null> {
  try {
    await reglas.validar(s, { estado, motivo, usuarioId: 'u' }, origen, l);
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

describe('ReglasTransicion', () => {
  it('gives a bulk read and a fresh read the same answers', async () => {
    const { reglas } = reglasCon({ requiereAlDia: true, enMora: ['r2'], sorteo: false });
    const casos: Array<[EstadoSolicitud, string, EstadoSolicitud]> = [
      ['pendiente', 'r1', 'aprobada'],
      ['pendiente', 'r2', 'aprobada'],
      ['aprobada', 'r1', 'aprobada'],
      ['rechazada', 'r1', 'aprobada'],
      ['no_asignada', 'r1', 'aprobada'],
      ['pendiente', 'r3', 'aprobada'],
    ];
    const deUnaVez = await reglas.lecturasDeUnaVez(casos.map(([, r]) => r));
    for (const [estado, residente, hacia] of casos) {
      const s = solicitud(estado, residente);
      expect(await codigo(reglas, s, hacia, 'admin', deUnaVez)).toBe(
        await codigo(reglas, s, hacia, 'admin', reglas.lecturasAlMomento()),
      );
    }
    expect(await codigo(reglas, solicitud('pendiente', 'r2'), 'aprobada', 'admin', deUnaVez)).toBe(
      'RESIDENTE_EN_MORA',
    );
    expect(await codigo(reglas, solicitud('aprobada'), 'aprobada', 'admin', deUnaVez)).toBe(
      'TRANSICION_INVALIDA',
    );
  });

  it('reads the config and the residents once for a bulk call, and not at all when not required', async () => {
    const conMora = reglasCon({ requiereAlDia: true, enMora: [], sorteo: false });
    const l = await conMora.reglas.lecturasDeUnaVez(['r1']);
    for (let i = 0; i < 50; i++)
      await conMora.reglas.validar(
        solicitud('pendiente'),
        { estado: 'aprobada', motivo: null, usuarioId: 'u' },
        'admin',
        l,
      );
    expect(conMora.lecturas).toEqual({ config: 1, residente: 0, todos: 1, sorteo: 0 });

    const sinMora = reglasCon({ requiereAlDia: false, enMora: ['r1'], sorteo: false });
    const l2 = await sinMora.reglas.lecturasDeUnaVez(['r1']);
    expect(
      await codigo(sinMora.reglas, solicitud('pendiente'), 'aprobada', 'admin', l2),
    ).toBeNull();
    expect(sinMora.lecturas.todos).toBe(0);
  });

  it('lets the owner or the admin take a waiting solicitud off the list, unless a draw runs', async () => {
    const libre = reglasCon({ requiereAlDia: true, enMora: [], sorteo: false });
    const l = libre.reglas.lecturasAlMomento();
    for (const origen of ['admin', 'residente'] as const)
      expect(
        await codigo(libre.reglas, solicitud('no_asignada'), 'cancelada', origen, l),
      ).toBeNull();
    expect(await codigo(libre.reglas, solicitud('asignada'), 'cancelada', 'residente', l)).toBe(
      'TRANSICION_INVALIDA',
    );
    const ocupado = reglasCon({ requiereAlDia: true, enMora: [], sorteo: true });
    const l2 = ocupado.reglas.lecturasAlMomento();
    expect(await codigo(ocupado.reglas, solicitud('no_asignada'), 'cancelada', 'admin', l2)).toBe(
      'SORTEO_EN_CURSO',
    );
    // Approving a pendiente one does not wait for the draw: the draw only reads aprobada ones.
    expect(
      await codigo(ocupado.reglas, solicitud('pendiente'), 'aprobada', 'admin', l2),
    ).toBeNull();
  });

  it('requires a motivo to reject', async () => {
    const { reglas } = reglasCon({ requiereAlDia: true, enMora: [], sorteo: false });
    const l = reglas.lecturasAlMomento();
    expect(await codigo(reglas, solicitud('pendiente'), 'rechazada', 'admin', l)).toBe(
      'VALIDACION',
    );
    expect(
      await codigo(reglas, solicitud('pendiente'), 'rechazada', 'admin', l, 'Sin cupo'),
    ).toBeNull();
  });
});
