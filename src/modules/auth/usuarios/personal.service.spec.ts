import type { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import type { UsuarioActual } from 'src/core/auth/roles';
import { ConflictoError, NoEncontradoError } from 'src/shared/errors/domain-error';
import { CredencialesService } from '../credenciales.service';
import { CuentasService } from '../cuentas.service';
import { EstadoCuenta } from '../schemas/usuario.schema';
import { UsuarioEntidad, UsuariosRepository } from '../usuarios.repository';
import { BajasAdminRepository } from './bajas-admin.repository';
import { PersonalService } from './personal.service';

const AHORA = new Date('2026-03-01T12:00:00Z');

const ADMIN: UsuarioActual = { id: 'a', rol: 'admin', residenteId: null, sesionId: 's' };

function cuenta(id: string, rol: UsuarioEntidad['rol'], estado: EstadoCuenta): UsuarioEntidad {
  return {
    id,
    email: `${id}@conjunto.co`,
    rol,
    residenteId: rol === 'residente' ? 'r1' : null,
    estado,
    passwordHash: null,
    activacionHash: null,
    activacionExpira: null,
    verificacionHash: null,
    verificacionExpira: null,
    credencialVersion: 1,
    nombre: null,
    createdAt: AHORA,
  };
}

/** Accounts and announcements in memory; `deshabilitarCuenta` disables like the real one. */
function montar(cuentas: UsuarioEntidad[], anunciosPrevios: Array<[string, Date]> = []) {
  const porId = new Map(cuentas.map((c) => [c.id, c]));
  const anuncios = new Map<string, { usuarioId: string; creadoEn: Date }>();
  anunciosPrevios.forEach(([usuarioId, creadoEn], i) =>
    anuncios.set(`previo${i}`, { usuarioId, creadoEn }),
  );
  let n = 0;
  const bajas = {
    anunciar: jest.fn(async (usuarioId: string, creadoEn: Date) => {
      n += 1;
      anuncios.set(`a${n}`, { usuarioId, creadoEn });
      return `a${n}`;
    }),
    retirar: jest.fn(async (id: string) => void anuncios.delete(id)),
    anunciadasDesde: jest.fn(
      async (desde: Date) =>
        new Set([...anuncios.values()].filter((a) => a.creadoEn >= desde).map((a) => a.usuarioId)),
    ),
  };
  const usuarios = {
    buscarPorId: jest.fn(async (id: string) => porId.get(id) ?? null),
    administradores: jest.fn(async () => cuentas.filter((c) => c.rol === 'admin')),
  };
  const credenciales = { vigente: jest.fn(async (u: UsuarioEntidad) => porId.get(u.id) ?? u) };
  const cuentasSvc = {
    deshabilitarCuenta: jest.fn(async (u: UsuarioEntidad) => {
      porId.set(u.id, { ...u, estado: 'deshabilitada' });
    }),
  };
  const reloj = { ahora: () => AHORA };
  const servicio = new PersonalService(
    usuarios as unknown as UsuariosRepository,
    cuentasSvc as unknown as CuentasService,
    credenciales as unknown as CredencialesService,
    bajas as unknown as BajasAdminRepository,
    reloj,
    { registrar: async () => undefined } as unknown as AuditoriaService,
  );
  return { servicio, bajas, cuentasSvc, anuncios, estado: (id: string) => porId.get(id)?.estado };
}

describe('PersonalService.eliminar', () => {
  it('removes an admin while another active admin remains; its announcement stays', async () => {
    const m = montar([cuenta('a', 'admin', 'activa'), cuenta('b', 'admin', 'activa')]);
    await m.servicio.eliminar('b', ADMIN);
    expect(m.estado('b')).toBe('deshabilitada');
    expect([...m.anuncios.values()].map((a) => a.usuarioId)).toEqual(['b']);
  });

  it('refuses the last active admin (pending ones do not count) and withdraws its announcement', async () => {
    const m = montar([
      cuenta('a', 'admin', 'activa'),
      cuenta('p', 'admin', 'pendiente_activacion'),
    ]);
    await expect(m.servicio.eliminar('a', ADMIN)).rejects.toThrow(ConflictoError);
    await expect(m.servicio.eliminar('a', ADMIN)).rejects.toMatchObject({ code: 'ULTIMO_ADMIN' });
    expect(m.estado('a')).toBe('activa');
    expect(m.anuncios.size).toBe(0);
    expect(m.cuentasSvc.deshabilitarCuenta).not.toHaveBeenCalled();
  });

  it('counts an admin another removal has announced as gone, unless the announcement is stale', async () => {
    const reciente = new Date(AHORA.getTime() - 59_000);
    const vieja = new Date(AHORA.getTime() - 61_000);
    const dos = () => [cuenta('a', 'admin', 'activa'), cuenta('b', 'admin', 'activa')];
    const enCurso = montar(dos(), [['a', reciente]]);
    await expect(enCurso.servicio.eliminar('b', ADMIN)).rejects.toMatchObject({
      code: 'ULTIMO_ADMIN',
    });
    const abandonada = montar(dos(), [['a', vieja]]);
    await abandonada.servicio.eliminar('b', ADMIN);
    expect(abandonada.estado('b')).toBe('deshabilitada');
  });

  it('removes a revisor or an already disabled admin without counting, idempotently', async () => {
    const m = montar([cuenta('a', 'admin', 'deshabilitada'), cuenta('r', 'revisor', 'activa')]);
    await m.servicio.eliminar('r', ADMIN);
    await m.servicio.eliminar('r', ADMIN);
    await m.servicio.eliminar('a', ADMIN);
    expect(m.estado('r')).toBe('deshabilitada');
    expect(m.bajas.anunciar).not.toHaveBeenCalled();
    expect(m.cuentasSvc.deshabilitarCuenta).toHaveBeenCalledTimes(3);
  });

  it('answers 404 for a resident account and an unknown id', async () => {
    const m = montar([cuenta('x', 'residente', 'activa')]);
    await expect(m.servicio.eliminar('x', ADMIN)).rejects.toThrow(NoEncontradoError);
    await expect(m.servicio.eliminar('nadie', ADMIN)).rejects.toThrow(NoEncontradoError);
  });
});
