export const ROLES = ['admin', 'revisor', 'residente'] as const;
export type Rol = (typeof ROLES)[number];

/** The staff roles: their accounts are managed at /usuarios and belong to no resident. */
export const ROLES_PERSONAL = ['admin', 'revisor'] as const satisfies readonly Rol[];
export type RolPersonal = (typeof ROLES_PERSONAL)[number];

/** Who is calling: set by the JWT strategy once the token and its session are verified. */
export interface UsuarioActual {
  id: string;
  rol: Rol;
  residenteId: string | null;
  sesionId: string;
}

/**
 * Whether the role reads with the administration's full view. The revisor (the complex's
 * oversight) reads everything an admin reads; every mapper or scope that tells staff from
 * residents asks this, so the two never drift apart.
 */
export function veComoAdmin(rol: Rol): boolean {
  return rol === 'admin' || rol === 'revisor';
}

/** What the roles guard knows of a route. */
export interface ReglaDeRuta {
  /** The roles the route names; none means "any signed-in user". */
  roles: readonly Rol[];
  /** Declared GET (or HEAD): it changes nothing. */
  lectura: boolean;
  /** A write on the caller's own account (logout, own password), open to every role. */
  cuentaPropia: boolean;
}

/**
 * The role rule, in one place for every route, including routes written later: a route that
 * names `admin` admits the revisor on reads; the revisor never writes, unless the route acts on
 * the caller's own account. Every other role is admitted when the route names it (or names none).
 */
export function rolAdmitido(regla: ReglaDeRuta, rol: Rol): boolean {
  if (rol === 'revisor' && !regla.lectura && !regla.cuentaPropia) return false;
  if (regla.roles.length === 0 || regla.roles.includes(rol)) return true;
  return rol === 'revisor' && regla.roles.includes('admin');
}
