import {
  creacion,
  diferencias,
  type Accion,
  type NuevaEntrada,
} from 'src/modules/auditoria/entrada-auditoria';
import type { ResidenteEntidad } from './residente.entity';

/**
 * The fields a resident's entry records, sensitive ones included (API.md: a disability flag set
 * the day before a draw and removed the day after must be visible). Never secrets: a resident
 * has none; the account's password and tokens live elsewhere and are never recorded.
 */
const CAMPOS = [
  'nombre',
  'documento',
  'email',
  'telefono',
  'torre',
  'apartamento',
  'tipo',
  'fechaIngreso',
  'fechaNacimiento',
  'discapacidad',
  'alDia',
  'activo',
  'cuenta',
  'registro',
] as const;

function valores(r: ResidenteEntidad): Record<string, unknown> {
  return Object.fromEntries(CAMPOS.map((c) => [c, r[c]]));
}

/** `{campo: {antes, despues}}`: every field for a creation, the changed ones otherwise. */
export function cambiosResidente(
  antes: ResidenteEntidad | null,
  despues: ResidenteEntidad,
): Record<string, { antes: unknown; despues: unknown }> {
  return antes ? diferencias(valores(antes), valores(despues), CAMPOS) : creacion(valores(despues));
}

export function accionDeEdicion(antes: ResidenteEntidad, despues: ResidenteEntidad): Accion {
  if (antes.activo && !despues.activo) return 'residente.baja';
  if (!antes.activo && despues.activo) return 'residente.reactivado';
  return 'residente.modificado';
}

/** The entry of an edit that wrote something; none when nothing changed (an empty PATCH). */
export function entradasDeEdicion(
  antes: ResidenteEntidad,
  despues: ResidenteEntidad,
  actor: { id: string; rol: string },
): NuevaEntrada[] {
  if (antes.version === despues.version) return [];
  return [
    {
      actor: { id: actor.id, rol: actor.rol },
      accion: accionDeEdicion(antes, despues),
      recurso: { tipo: 'residente', id: despues.id },
      cambios: cambiosResidente(antes, despues),
    },
  ];
}
