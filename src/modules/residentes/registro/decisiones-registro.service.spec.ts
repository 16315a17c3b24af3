import type { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { UsuarioActual } from 'src/core/auth/roles';
import type { CuentasRegistroService } from 'src/modules/auth/registro/cuentas-registro.service';
import { ConflictoError } from 'src/shared/errors/domain-error';
import type { ArbitroCambiosResidente } from '../arbitro-cambios.service';
import type { Decision } from '../decision-cambios';
import type { ResidenteEntidad } from '../residente.entity';
import type { ResidentesRepository } from '../residentes.repository';
import { DecisionesRegistroService } from './decisiones-registro.service';

const ADMIN: UsuarioActual = { id: 'a1', rol: 'admin', residenteId: null, sesionId: 's1' };

function pendiente(over: Partial<ResidenteEntidad> = {}): ResidenteEntidad {
  return {
    id: 'r1',
    nombre: 'Ana',
    documento: { tipo: 'CC', numero: '123456' },
    email: 'ana@conjunto.co',
    telefono: null,
    torre: 'A',
    apartamento: '101',
    tipo: 'propietario',
    fechaIngreso: null,
    fechaNacimiento: null,
    discapacidad: false,
    alDia: true,
    activo: true,
    cuenta: 'pendiente_activacion',
    registro: 'pendiente',
    version: 2,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...over,
  };
}

/** The resident in memory; the arbiter applies a decision on it as the real one does. */
function montar(cuentaDecide: boolean) {
  let r = pendiente();
  const eventos: unknown[] = [];
  const repo = { buscar: jest.fn(async () => r) };
  const arbitro = {
    cambiar: jest.fn(async (_id: string, decidir: Decision) => {
      r = { ...r, ...decidir(r), version: r.version + 1 };
      return r;
    }),
  };
  const cuentas = { decidir: jest.fn(async () => cuentaDecide) };
  const emisor = { emitAsync: jest.fn(async (_n: string, e: unknown) => eventos.push(e)) };
  const entradas: unknown[] = [];
  const auditoria = { registrar: jest.fn(async (e: unknown) => void entradas.push(e)) };
  const servicio = new DecisionesRegistroService(
    repo as unknown as ResidentesRepository,
    arbitro as unknown as ArbitroCambiosResidente,
    cuentas as unknown as CuentasRegistroService,
    emisor as unknown as EventEmitter2,
    auditoria as unknown as AuditoriaService,
  );
  return { servicio, cuentas, eventos, entradas, actual: () => r };
}

describe('DecisionesRegistroService', () => {
  it('approves: the account first, then the resident, then the e-mail', async () => {
    const m = montar(true);
    const r = await m.servicio.aprobar('r1', ADMIN);
    expect(m.cuentas.decidir).toHaveBeenCalledWith('r1', 'activa');
    expect(r).toMatchObject({ registro: 'aprobado', cuenta: 'activa', activo: true });
    expect(m.eventos).toEqual([
      { residenteId: 'r1', nombre: 'Ana', email: 'ana@conjunto.co', decision: 'aprobado' },
    ]);
    expect(m.entradas).toEqual([
      expect.objectContaining({
        accion: 'residente.registro_aprobado',
        recurso: { tipo: 'residente', id: 'r1' },
        cambios: expect.objectContaining({
          registro: { antes: 'pendiente', despues: 'aprobado' },
        }) as unknown,
      }),
    ]);
  });

  it('rejects: inactive, account disabled, motivo in the e-mail', async () => {
    const m = montar(true);
    const r = await m.servicio.rechazar('r1', 'No vive aquí', ADMIN);
    expect(m.cuentas.decidir).toHaveBeenCalledWith('r1', 'deshabilitada');
    expect(r).toMatchObject({ registro: 'rechazado', cuenta: 'deshabilitada', activo: false });
    expect(m.eventos).toEqual([expect.objectContaining({ motivo: 'No vive aquí' })]);
    expect(m.entradas).toEqual([
      expect.objectContaining({
        accion: 'residente.registro_rechazado',
        cambios: expect.objectContaining({
          activo: { antes: true, despues: false },
          motivo: { antes: null, despues: 'No vive aquí' },
        }) as unknown,
      }),
    ]);
  });

  it('loses to the other decision on the account: 409, nothing written, nothing sent', async () => {
    const m = montar(false);
    await expect(m.servicio.aprobar('r1', ADMIN)).rejects.toMatchObject({
      code: 'REGISTRO_NO_PENDIENTE',
    });
    expect(m.actual().registro).toBe('pendiente');
    expect(m.eventos).toEqual([]);
    expect(m.entradas).toEqual([]);
  });

  it('refuses what is not pending, and an approval of a resident given de baja', async () => {
    const m = montar(true);
    await m.servicio.aprobar('r1', ADMIN);
    await expect(m.servicio.rechazar('r1', 'tarde', ADMIN)).rejects.toBeInstanceOf(ConflictoError);
    const baja = montar(true);
    Object.assign(baja.actual(), { activo: false });
    await expect(baja.servicio.aprobar('r1', ADMIN)).rejects.toMatchObject({
      code: 'RESIDENTE_INACTIVO',
    });
    expect(baja.cuentas.decidir).not.toHaveBeenCalled();
  });
});
