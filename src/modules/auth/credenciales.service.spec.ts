import { CredencialesRepository, VersionCredencial } from './credenciales.repository';
import { CredencialesService } from './credenciales.service';
import { SesionesRepository } from './sesiones.repository';
import { UsuarioEntidad, UsuariosRepository } from './usuarios.repository';

/** The chain in memory: `crear` refuses a taken version, as the unique `_id` does. */
function montar() {
  const versiones = new Map<string, VersionCredencial>();
  const credenciales = {
    leer: jest.fn(async (u: string, v: number) => versiones.get(`${u}:${v}`) ?? null),
    crear: jest.fn(async (u: string, c: VersionCredencial) => {
      if (versiones.has(`${u}:${c.version}`)) return false;
      versiones.set(`${u}:${c.version}`, c);
      return true;
    }),
    olvidarHash: jest.fn(async () => undefined),
  };
  const usuarios = { actualizar: jest.fn(async () => undefined) };
  const sesiones = { revocarDeUsuario: jest.fn(async () => undefined) };
  const servicio = new CredencialesService(
    credenciales as unknown as CredencialesRepository,
    usuarios as unknown as UsuariosRepository,
    sesiones as unknown as SesionesRepository,
  );
  return { servicio, usuarios, sesiones };
}

const cuenta: UsuarioEntidad = {
  id: 'u1',
  email: 'ana@conjunto.co',
  rol: 'residente',
  residenteId: 'r1',
  estado: 'activa',
  passwordHash: 'h0',
  activacionHash: null,
  activacionExpira: null,
  verificacionHash: null,
  verificacionExpira: null,
  credencialVersion: 0,
  nombre: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

describe('CredencialesService', () => {
  it('lets exactly one of two changes built on one version win; the loser reads the winner', async () => {
    const { servicio } = montar();
    const baja = await servicio.cambiar(cuenta, { passwordHash: null, estado: 'deshabilitada' });
    const cambio = await servicio.cambiar(cuenta, { passwordHash: 'h1', estado: 'activa' });
    expect(baja?.credencialVersion).toBe(1);
    expect(cambio).toBeNull();
    expect(await servicio.vigente(cuenta)).toMatchObject({
      credencialVersion: 1,
      estado: 'deshabilitada',
      passwordHash: null,
    });
  });

  it('finds the newest version even when the account cache lags several behind', async () => {
    const { servicio } = montar();
    let u = cuenta;
    for (const h of ['h1', 'h2', 'h3']) {
      u = (await servicio.cambiar(u, { passwordHash: h, estado: 'activa' }))!;
    }
    expect(await servicio.vigente(cuenta)).toMatchObject({
      credencialVersion: 3,
      passwordHash: 'h3',
    });
  });

  it('writes the cache and revokes every session but the one kept', async () => {
    const { servicio, usuarios, sesiones } = montar();
    await servicio.cambiar(cuenta, {
      passwordHash: 'h1',
      estado: 'activa',
      sesionConservada: 's1',
    });
    expect(usuarios.actualizar).toHaveBeenCalledWith('u1', {
      credencialVersion: 1,
      passwordHash: 'h1',
      estado: 'activa',
    });
    expect(sesiones.revocarDeUsuario).toHaveBeenCalledWith('u1', expect.any(Date), 's1');
  });

  it('keeps a session only through versions that kept it', async () => {
    const { servicio } = montar();
    expect(await servicio.sesionVigente('u1', 's1', 0)).toBe(true);
    const v1 = (await servicio.cambiar(cuenta, {
      passwordHash: 'h1',
      estado: 'activa',
      sesionConservada: 's1',
    }))!;
    expect(await servicio.sesionVigente('u1', 's1', 0)).toBe(true);
    expect(await servicio.sesionVigente('u1', 's2', 0)).toBe(false);
    expect(await servicio.sesionVigente('u1', 's2', 1)).toBe(true);
    await servicio.cambiar(v1, { passwordHash: null, estado: 'deshabilitada' });
    expect(await servicio.sesionVigente('u1', 's1', 0)).toBe(false);
    expect(await servicio.sesionVigente('u1', 's2', 1)).toBe(false);
  });
});
