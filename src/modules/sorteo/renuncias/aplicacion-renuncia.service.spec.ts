import type { Decision, TurnoRegistro } from 'src/core/turnos/turno.entity';
import type { RenunciasDeSolicitudesService } from 'src/modules/solicitudes/renuncias-de-solicitudes.service';
import { AplicacionRenunciaService } from './aplicacion-renuncia.service';
import { comoDatos, type GrupoRenuncia } from './grupo-renuncia';
import type { MovimientosRepository } from './movimientos.repository';

const fecha = new Date('2026-06-15T12:00:00Z');
const grupo: GrupoRenuncia = {
  sorteoId: 's1',
  etiqueta: 'renuncia:7',
  movimientos: [
    {
      n: 1,
      tipo: 'renuncia',
      solicitudId: 'a',
      parqueadero: 'P1',
      motivo: 'RENUNCIA',
      unidad: null,
      fecha,
      por: 'u',
      turno: 7,
    },
    {
      n: 2,
      tipo: 'promocion',
      solicitudId: 'b',
      parqueadero: 'P1',
      motivo: null,
      unidad: null,
      fecha,
      por: 'u',
      turno: 7,
    },
  ],
  cambios: [
    {
      solicitudId: 'a',
      version: 3,
      estado: 'cancelada',
      motivo: 'RENUNCIA',
      parqueadero: null,
      motivoHistorial: null,
      usuarioId: 'u',
      fecha,
    },
    {
      solicitudId: 'b',
      version: 3,
      estado: 'asignada',
      motivo: null,
      parqueadero: 'P1',
      motivoHistorial: null,
      usuarioId: 'u',
      fecha,
    },
  ],
};
const turno = { numero: 7, tipo: 'renuncia', sorteoId: 's1' } as TurnoRegistro;

describe('AplicacionRenunciaService', () => {
  let llamadas: string[];
  let servicio: AplicacionRenunciaService;

  beforeEach(() => {
    llamadas = [];
    const movimientos = {
      insertar: (id: string, m: unknown[]) => {
        llamadas.push(`movimientos:${id}:${m.length}`);
        return Promise.resolve();
      },
    };
    const solicitudes = {
      aplicar: (c: { solicitudId: string; estado: string }) => {
        llamadas.push(`aplicar:${c.solicitudId}:${c.estado}`);
        return Promise.resolve();
      },
      liberar: (etiqueta: string) => {
        llamadas.push(`liberar:${etiqueta}`);
        return Promise.resolve();
      },
    };
    servicio = new AplicacionRenunciaService(
      movimientos as unknown as MovimientosRepository,
      solicitudes as unknown as RenunciasDeSolicitudesService,
    );
  });

  it('a confirmed group: movimientos first, then the renouncer and the promoted solicitud', async () => {
    const d: Decision = {
      turno: 7,
      valor: 'confirmar',
      anulacion: null,
      cancelacion: null,
      renuncia: comoDatos(grupo),
      auditoria: null,
    };
    await servicio.recuperar(turno, d);
    expect(llamadas).toEqual(['movimientos:s1:2', 'aplicar:a:cancelada', 'aplicar:b:asignada']);
  });

  it('an unconfirmed one only releases its reservations', async () => {
    await servicio.recuperar(turno, {
      turno: 7,
      valor: 'abortar',
      anulacion: null,
      cancelacion: null,
      renuncia: null,
      auditoria: null,
    });
    expect(llamadas).toEqual(['liberar:renuncia:7']);
  });
});
