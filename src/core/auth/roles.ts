export const ROLES = ['admin', 'residente'] as const;
export type Rol = (typeof ROLES)[number];

/** Who is calling: set by the JWT strategy once the token and its session are verified. */
export interface UsuarioActual {
  id: string;
  rol: Rol;
  residenteId: string | null;
  sesionId: string;
}
