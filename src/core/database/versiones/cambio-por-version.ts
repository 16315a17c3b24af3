import { setTimeout as pausa } from 'node:timers/promises';

/**
 * Versions one write may try to claim. Each lost one is another writer's change, and a flood of
 * them (someone re-sending a form) must not starve a change to another field.
 */
const INTENTOS = 20;

/** How long a loser waits for the winner's write to show: a claim and one write by _id. */
const ESPERA_MS = 5;
const ESPERAS = 400;

/** What the version protocol needs of one kind of versioned document and its claims. */
export interface PuertosVersion<E extends { version: number }, C extends object> {
  /** The document as stored; throws the feature's 404 when it is not there. */
  leer(id: string): Promise<E>;
  /** True when this caller won the change from `version - 1` to `version` (a unique insert). */
  reclamar(id: string, version: number, cambios: C): Promise<boolean>;
  reclamoDe(id: string, version: number): Promise<{ cambios: C; fecha: Date } | null>;
  /** Writes `version + 1` over `version`; a repeat or a late call is a no-op. */
  aplicar(id: string, version: number, cambios: C): Promise<void>;
  /** Only the fields whose value would change: a write that changes nothing is not made. */
  soloDistintos(actual: E, cambios: C): C;
  /** True while a claim's writer may still be at work (SaneadorReclamos.reciente). */
  reciente(fecha: Date): boolean;
  /** The feature's 409 for a write that kept losing. */
  modificado(): Error;
}

/**
 * Every write to a versioned document (a resident, a spot) goes through here, so no writer can
 * erase another's change, on any engine. Each write inserts the claim for the next version and
 * only the winner writes; a loser waits until the winner's version shows, then decides again on
 * that read (`decidir` may throw the rule's error, or return null or `{}` to write nothing).
 *
 * Nobody else writes a version while its winner may still be at work: FerretDB rewrites the whole
 * document an update read, so two updates in flight on one document could erase each other, and a
 * writer that reads version n knows the update that wrote n is over. Only a claim left long ago by
 * a writer that died is rolled forward by someone else (the claim carries its fields).
 */
export async function cambiarPorVersion<E extends { version: number }, C extends object>(
  p: PuertosVersion<E, C>,
  id: string,
  decidir: (actual: E) => C | null,
  leido?: E,
): Promise<E> {
  let actual = leido ?? (await p.leer(id));
  for (let intento = 0; intento < INTENTOS; intento++) {
    const cambios = p.soloDistintos(actual, decidir(actual) ?? ({} as C));
    if (Object.keys(cambios).length === 0) return actual;
    const version = actual.version + 1;
    if (await p.reclamar(id, version, cambios)) {
      await p.aplicar(id, actual.version, cambios);
      return p.leer(id);
    }
    const ganador = await p.reclamoDe(id, version);
    if (ganador && !p.reciente(ganador.fecha)) await p.aplicar(id, actual.version, ganador.cambios);
    actual = await esperarVersion(p, id, version);
  }
  throw p.modificado();
}

/** The document once its version reaches `version`; a winner that takes too long is a 409. */
async function esperarVersion<E extends { version: number }, C extends object>(
  p: PuertosVersion<E, C>,
  id: string,
  version: number,
): Promise<E> {
  for (let i = 0; i < ESPERAS; i++) {
    const actual = await p.leer(id);
    if (actual.version >= version) return actual;
    await pausa(ESPERA_MS);
  }
  throw p.modificado();
}
