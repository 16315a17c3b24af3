import { Db } from 'mongodb';
import { seedApproved, spots } from '../lib/seed-sorteo';

/** The draw the participantes scenario pages through, as ParkNet stored it. */
export interface DrawResult {
  id: string;
  approvedSeeded: number;
  participantes: number;
  excluidos: number;
  drawMs: number;
}

/**
 * Clear of every other seeded set: solicitudes take indices 0..BENCH_SOLICITUDES and their
 * residents the first half of that; POST residents follow them (BENCH_POST_RESIDENTES, plates from
 * 1,000,000 up). From here units, emails, documents and both plate kinds are distinct from those.
 */
export const APPROVED_FROM = 500_000;
const SPOTS = 1000;
// A 10,000-participant draw on FerretDB-SQLite takes tens of seconds. fetch (undici) gives up on
// headers after 300 s whatever the signal says, so that is the real bound.
const DRAW_TIMEOUT_MS = 300_000;

interface DrawBody {
  id: string;
  resumen: { participantes: number; excluidos: number };
}

/**
 * `approved` approved solicitudes seeded, then drawn by ParkNet itself (`POST /sorteo/ejecutar`),
 * so the result is stored exactly as ParkNet stores one. The draw takes every approved solicitud
 * in the database (the list set's too) and leaves out residents in arrears, so the participant
 * count differs from `approved`: it is read from the answer.
 */
export async function prepareDrawResult(
  db: Db,
  parknetUrl: string,
  adminToken: string,
  approved: number,
): Promise<DrawResult> {
  await seedApproved(db, approved, APPROVED_FROM);
  const started = Date.now();
  const r = await fetch(`${parknetUrl}/sorteo/ejecutar`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ nombre: 'Sorteo del benchmark HTTP', parqueaderos: spots(SPOTS) }),
    signal: AbortSignal.timeout(DRAW_TIMEOUT_MS),
  });
  if (r.status !== 201) throw new Error(`the draw answered ${r.status}: ${await r.text()}`);
  const body = (await r.json()) as DrawBody;
  return {
    id: body.id,
    approvedSeeded: approved,
    participantes: body.resumen.participantes,
    excluidos: body.resumen.excluidos,
    drawMs: Date.now() - started,
  };
}
