import type { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import type { UsuarioActual } from 'src/core/auth/roles';
import type { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import { ConflictoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import type { AprobacionesMasivasRepository } from './aprobaciones-masivas.repository';
import { AprobacionesService } from './aprobaciones.service';
import type { RecuperacionAprobaciones } from './recuperacion-aprobaciones.service';
import type { LecturasReglas, ReglasTransicion } from './reglas-transicion.service';
import type { EstadoSolicitud, SolicitudEntidad } from './solicitud.entity';
import type { SolicitudesRepository, SolicitudLeida } from './solicitudes.repository';
import type { SolicitudesService } from './solicitudes.service';
import type { TransicionEntidad, TransicionesRepository } from './transiciones.repository';

const ADMIN: UsuarioActual = { id: 'a1', rol: 'admin', residenteId: null, sesionId: 'x' };
const id = (n: number): string => n.toString(16).padStart(24, '0');

function entidad(n: number, estado: EstadoSolicitud): SolicitudEntidad {
  return {
    id: id(n),
    residenteId: 'r',
    unidad: { torre: 'A', apartamento: String(n) },
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
  };
}

/** The service over fakes that record the order of the database steps. */
function montar(
  guardadas: SolicitudEntidad[],
  ajenas: Set<string> = new Set(),
  ganadoraAjena: TransicionEntidad['estado'] = 'rechazada',
) {
  const pasos: string[] = [];
  const lecturasDeSolicitudes: string[][] = [];
  const repo = {
    buscarVarias: async (ids: string[]) => {
      lecturasDeSolicitudes.push(ids);
      pasos.push('leer');
      return new Map<string, SolicitudLeida>(
        guardadas
          .filter((s) => ids.includes(s.id))
          .map((s) => [s.id, { entidad: s, documento: { _id: s.id } }]),
      );
    },
    buscar: async (x: string) => guardadas.find((s) => s.id === x) ?? null,
  } as unknown as SolicitudesRepository;
  const lecturas: LecturasReglas = {
    haySorteoEnCurso: async () => false,
    puedeAprobarse: async () => true,
  };
  const reglas = {
    lecturasDeUnaVez: async () => lecturas,
    validar: async (s: SolicitudEntidad) => {
      if (s.estado !== 'pendiente')
        throw new ConflictoError(CodigoError.TRANSICION_INVALIDA, `de ${s.estado}`);
    },
  } as unknown as ReglasTransicion;
  const transiciones = {
    reclamarVarias: async (ts: TransicionEntidad[]) => {
      pasos.push(`reclamar ${ts.length}`);
      expect(ts.every((t) => t.version === 1 && t.estado === 'aprobada')).toBe(true);
      return new Set(ts.map((t) => t.solicitudId).filter((x) => !ajenas.has(x)));
    },
    buscarVarias: async (claves: Array<{ solicitudId: string; version: number }>) => {
      pasos.push(`ganadoras ${claves.length}`);
      return claves.map((c) => ({ ...c, estado: ganadoraAjena, fecha: new Date() }));
    },
  } as unknown as TransicionesRepository;
  const lotes = {
    registrar: async (docs: unknown[]) => {
      pasos.push(`lote ${docs.length}`);
      return { id: 'l' };
    },
    aplicar: async (_l: unknown, ganadas: Set<string>) => {
      pasos.push(`escribir ${ganadas.size}`);
    },
    terminar: async () => {
      pasos.push('terminar');
    },
  } as unknown as AprobacionesMasivasRepository;
  const recuperacion = {
    recuperarAbandonados: async () => {
      pasos.push('recuperar');
    },
  } as unknown as RecuperacionAprobaciones;
  const solicitudes = {
    publicarDecisiones: async () => undefined,
    cambiarEstadoSinRegistro: async () => {
      pasos.push('patch');
      throw new ConflictoError(CodigoError.TRANSICION_INVALIDA, 'otra ganó');
    },
  } as unknown as SolicitudesService;
  const servicio = new AprobacionesService(
    repo,
    reglas,
    transiciones,
    lotes,
    recuperacion,
    solicitudes,
    { reciente: () => true } as unknown as SaneadorReclamos,
    { registrar: async () => undefined } as unknown as AuditoriaService,
  );
  return { servicio, pasos, lecturasDeSolicitudes };
}

describe('AprobacionesService', () => {
  it('answers every id in order, repeated ids alike, with one read and one claim insert', async () => {
    const { servicio, pasos, lecturasDeSolicitudes } = montar([
      entidad(1, 'pendiente'),
      entidad(2, 'aprobada'),
      entidad(3, 'pendiente'),
    ]);
    const ids = [id(1), 'malo', id(2), id(9), id(1), id(3)];
    const r = await servicio.aprobar(ids, ADMIN);
    expect(r.map((x) => [x.id, x.estado, x.code])).toEqual([
      [id(1), 'aprobada', undefined],
      ['malo', null, 'NO_ENCONTRADO'],
      [id(2), 'aprobada', 'TRANSICION_INVALIDA'],
      [id(9), null, 'NO_ENCONTRADO'],
      [id(1), 'aprobada', undefined],
      [id(3), 'aprobada', undefined],
    ]);
    // Malformed ids never reach the database; each id is read once.
    expect(lecturasDeSolicitudes).toEqual([[id(1), id(2), id(9), id(3)]]);
    expect(pasos).toEqual(['recuperar', 'leer', 'lote 2', 'reclamar 2', 'escribir 2', 'terminar']);
  });

  it('sends an id whose claim another change won down the single PATCH path', async () => {
    const { servicio, pasos } = montar(
      [entidad(1, 'pendiente'), entidad(2, 'pendiente')],
      new Set([id(2)]),
    );
    const r = await servicio.aprobar([id(1), id(2)], ADMIN);
    expect(r[0]).toEqual({ id: id(1), estado: 'aprobada' });
    expect([r[1].estado, r[1].code, r[1].message]).toEqual([
      'pendiente',
      'TRANSICION_INVALIDA',
      'otra ganó',
    ]);
    expect(pasos.slice(-4)).toEqual(['escribir 1', 'terminar', 'ganadoras 1', 'patch']);
  });

  it('answers an id another approval claimed just now without the single path', async () => {
    const { servicio, pasos } = montar([entidad(1, 'pendiente')], new Set([id(1)]), 'aprobada');
    const [r] = await servicio.aprobar([id(1)], ADMIN);
    expect([r.estado, r.code]).toEqual(['aprobada', 'TRANSICION_INVALIDA']);
    expect(r.message).toMatch(/al mismo tiempo/);
    expect(pasos).not.toContain('patch');
  });

  it('stores no lote and inserts no claim when nothing can be approved', async () => {
    const { servicio, pasos } = montar([entidad(1, 'rechazada')]);
    const r = await servicio.aprobar([id(1)], ADMIN);
    expect(r[0].code).toBe('TRANSICION_INVALIDA');
    expect(pasos).toEqual(['recuperar', 'leer']);
  });
});
