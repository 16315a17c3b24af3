import { ReglaDeRuta, ROLES, Rol, rolAdmitido, veComoAdmin } from './roles';

const regla = (roles: Rol[], lectura: boolean, cuentaPropia = false): ReglaDeRuta => ({
  roles,
  lectura,
  cuentaPropia,
});

describe('rolAdmitido', () => {
  it('admits the revisor on every read an admin may make, and on reads open to anyone', () => {
    expect(rolAdmitido(regla(['admin'], true), 'revisor')).toBe(true);
    expect(rolAdmitido(regla(['admin', 'residente'], true), 'revisor')).toBe(true);
    expect(rolAdmitido(regla([], true), 'revisor')).toBe(true);
    // A resident-only read (their own record) is no admin read either.
    expect(rolAdmitido(regla(['residente'], true), 'revisor')).toBe(false);
  });

  it('refuses the revisor every write, whatever the route names, except its own account', () => {
    const escrituras = [
      regla(['admin'], false),
      regla([], false),
      regla(['admin', 'residente'], false),
    ];
    expect(escrituras.map((r) => rolAdmitido(r, 'revisor'))).toEqual([false, false, false]);
    expect(rolAdmitido(regla([], false, true), 'revisor')).toBe(true);
  });

  it('leaves admin and residente as they were: the route names them, or names none', () => {
    for (const lectura of [true, false]) {
      expect(rolAdmitido(regla(['admin'], lectura), 'admin')).toBe(true);
      expect(rolAdmitido(regla(['admin'], lectura), 'residente')).toBe(false);
      expect(rolAdmitido(regla(['residente'], lectura), 'admin')).toBe(false);
      expect(rolAdmitido(regla([], lectura), 'residente')).toBe(true);
    }
  });

  it('gives the full view to admin and revisor only', () => {
    expect(ROLES.filter(veComoAdmin)).toEqual(['admin', 'revisor']);
  });
});
