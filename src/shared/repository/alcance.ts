/**
 * Whose data a read may return: all of it (staff, or the system acting on its own rules), or one
 * resident's own. Resident-owned repositories take it on every read, so forgetting the ownership
 * check does not compile.
 */
export type Alcance =
  { readonly tipo: 'total' } | { readonly tipo: 'residente'; readonly residenteId: string };

export const ALCANCE_TOTAL: Alcance = Object.freeze({ tipo: 'total' });

/** True when `alcance` may see what belongs to `residenteId`. */
export function alcanzaA(alcance: Alcance, residenteId: string): boolean {
  return alcance.tipo === 'total' || alcance.residenteId === residenteId;
}
