import { ConflictoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { CambiosResidente, ResidenteEntidad } from './residente.entity';

/**
 * Decides, on a fresh read of the resident, what one write sets; null or `{}` writes nothing.
 * It may throw the rule's error; the arbiter calls it again after every lost race.
 */
export type Decision = (actual: ResidenteEntidad) => CambiosResidente | null;

type Campo = keyof CambiosResidente;

/** Plain values compared by content, objects (the documento) whatever their key order. */
function igual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => igual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** A plain copy: a DTO instance must not reach the stored claim as a class. */
const plano = (v: unknown): unknown =>
  v !== null && typeof v === 'object' ? JSON.parse(JSON.stringify(v)) : v;

/** Only the fields whose value would change: a write that changes nothing is not made. */
export function soloDistintos(
  actual: ResidenteEntidad,
  cambios: CambiosResidente,
): CambiosResidente {
  const salida: Record<string, unknown> = {};
  for (const [campo, valor] of Object.entries(cambios)) {
    if (valor === undefined) continue;
    if (!igual(actual[campo as Campo], valor)) salida[campo] = plano(valor);
  }
  return salida;
}

/**
 * A person's edit, made on what they saw (`base`): the fields they change. Another writer that
 * got in first and changed other fields does not stop it (it is retried on the fresh read); one
 * that changed one of the same fields to another value is a real conflict, refused with 409
 * RESIDENTE_MODIFICADO rather than silently overwritten.
 */
export function edicionSobre(base: ResidenteEntidad, pedidos: CambiosResidente): Decision {
  const propios = soloDistintos(base, pedidos);
  return (actual) => {
    const chocan = (Object.keys(propios) as Campo[]).filter(
      (c) => !igual(actual[c], base[c]) && !igual(actual[c], propios[c]),
    );
    if (chocan.length > 0) throw residenteModificado(chocan);
    return soloDistintos(actual, propios);
  };
}

export function residenteModificado(campos?: string[]): ConflictoError {
  return new ConflictoError(
    CodigoError.RESIDENTE_MODIFICADO,
    campos
      ? `Otra operación cambió ${campos.join(', ')} del residente al mismo tiempo; consulte sus datos y vuelva a intentarlo.`
      : 'El residente cambió varias veces mientras se procesaba; consulte sus datos y vuelva a intentarlo.',
  );
}
