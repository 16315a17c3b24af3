/**
 * Reading a draw's timing from a server's log, for tests that crash a server at a chosen point.
 * SorteoService logs one line per completed draw with each phase (Cronometro):
 * `[Sorteo] Sorteo <id>: N participantes, M excluidas; recuperar 12 ms (rss 300 MB), leer ...`.
 */

/** The phases in the order the draw runs them; the commit point is the decision in `confirmar`. */
export const FASES_DEL_SORTEO = [
  'recuperar',
  'leer',
  'reservar',
  'calcular',
  'guardar',
  'confirmar',
  'aplicar',
] as const;

export interface FaseMedida {
  fase: string;
  ms: number;
  /** Milliseconds from the start of the draw to the end of this phase. */
  hasta: number;
}

const COLOR_ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The line a completed draw logs; a close logs `[Convocatorias] Convocatoria <id> cerrada: `. */
export const LINEA_DEL_SORTEO = /\[Sorteo\] Sorteo [0-9a-f]{24}: /;
export const LINEA_DEL_CIERRE = /\[Convocatorias\] Convocatoria [0-9a-f]{24} cerrada: /;

/** The phases of the last draw (or close) the log reports, or an error that shows the log. */
export function fasesDelRegistro(registro: string, patron = LINEA_DEL_SORTEO): FaseMedida[] {
  const limpio = registro.replace(COLOR_ANSI, '');
  const lineas = limpio.split('\n').filter((l) => patron.test(l));
  const linea = lineas.at(-1);
  if (!linea) throw new Error(`El servidor no registró las fases del sorteo:\n${limpio}`);
  let acumulado = 0;
  return [...linea.matchAll(/(\w+) (\d+) ms \(rss \d+ MB\)/g)].map((m) => {
    acumulado += Number(m[2]);
    return { fase: m[1], ms: Number(m[2]), hasta: acumulado };
  });
}

/** Which phase an uninterrupted draw was in `ms` after it started (an estimate for a report). */
export function faseEn(fases: readonly FaseMedida[], ms: number): string {
  return fases.find((f) => ms < f.hasta)?.fase ?? 'terminado';
}

/**
 * Resolves as soon as `condicion` holds, polling the database, or when `fin` settles first (the
 * request ended before the point was reached). Says which of the two happened.
 */
export async function hastaQue(
  condicion: () => Promise<boolean>,
  fin: Promise<unknown>,
): Promise<boolean> {
  let terminado = false;
  const marcar = (): void => {
    terminado = true;
  };
  fin.then(marcar, marcar);
  while (!terminado) {
    if (await condicion()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

/**
 * When trial `k` of `intentos` kills the server, in ms from the request: trial 0 at a random
 * instant of the part before the commit point (`preparacion` ms: the operation usually vanishes),
 * the others at random instants in successive slices of the rest (it usually completes). Each
 * outcome must match whether the commit point was reached before the kill.
 */
export function instanteDeMuerte(
  k: number,
  intentos: number,
  preparacion: number,
  duracion: number,
): number {
  if (k === 0 || intentos === 1) return Math.round(Math.random() * preparacion * 0.9);
  const resto = duracion - preparacion;
  return Math.round(preparacion + (resto * (k - 1 + Math.random())) / (intentos - 1));
}
