import { Types, type Connection } from 'mongoose';
import type { ConDb } from './sorteo-datos';
import { estados, type ParqueaderoPrueba } from './sorteo-datos';
import type { Respuesta, ServidorHijo } from './sorteo-servidor';

/**
 * What the multi-process convocatoria tests share: creating one through a server, reading the
 * reservations and the frozen state from the database, and executing it once its date has come.
 */

export const HEX64 = /^[0-9a-f]{64}$/;

/** The two 409s a change to a solicitud frozen (or being frozen) in a close may get. */
export const CODIGOS_CONGELADA = ['SORTEO_EN_CURSO', 'CONVOCATORIA_CERRADA'];

export interface ConvocatoriaApi {
  id: string;
  estado: string;
  fechaSorteo: string;
  cerradaEn: string | null;
  insumosHash: string | null;
  compromisoServidor: string | null;
  resumen: {
    participantes: { carro: number; moto: number };
    parqueaderos: { carro: number; moto: number };
    excluidos: number;
  } | null;
  sorteoId: string | null;
  cancelada: { motivo: string; por: string; fecha: string } | null;
}

/**
 * A convocatoria whose date comes in an hour: it must be in the future when created and not yet
 * come when closed (409 CONVOCATORIA_VENCIDA), whatever the crashes in between cost.
 */
export async function crearConvocatoria(
  s: ServidorHijo,
  token: string,
  parqueaderos: ParqueaderoPrueba[],
): Promise<ConvocatoriaApi> {
  const r = await s.pedir('POST', '/sorteo/convocatorias', token, {
    nombre: `Convocatoria ${Date.now()}`,
    parqueaderos,
    fuentesPublicas: [
      { descripcion: 'Lotería de prueba del día del sorteo, número ganador, 4 cifras' },
      { descripcion: 'Número de 2 cifras sacado por los testigos en la asamblea' },
    ],
    fechaSorteo: new Date(Date.now() + 3_600_000).toISOString(),
  });
  if (r.status !== 201)
    throw new Error(`crear convocatoria: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as unknown as ConvocatoriaApi;
}

export async function leerConvocatoria(
  s: ServidorHijo,
  token: string,
  id: string,
): Promise<ConvocatoriaApi> {
  const r = await s.pedir('GET', `/sorteo/convocatorias/${id}`, token);
  expect(r.status).toBe(200);
  expect(r.body).not.toHaveProperty('secretoServidor');
  return r.body as unknown as ConvocatoriaApi;
}

/** Everyone the close froze: participants of both types plus the excluded. */
export function congelados(c: ConvocatoriaApi): number {
  if (!c.resumen) throw new Error(`convocatoria ${c.id} sin resumen`);
  return c.resumen.participantes.carro + c.resumen.participantes.moto + c.resumen.excluidos;
}

/** Reservation claims (a transition claim that names a draw), by solicitud: its draw id. */
export async function reservas(t: ConDb): Promise<Map<string, string>> {
  const docs = await t.connection
    .collection<{ _id: string; sorteoId: string | null }>('solicitudes_transiciones')
    .find({ sorteoId: { $ne: null } })
    .toArray();
  return new Map(docs.map((d) => [d._id.split(':')[0], String(d.sorteoId)]));
}

/** Documents in each `convocatoria*` collection but the headers: frozen chunks, secrets, records. */
export async function restosDelCierre(conexion: Connection): Promise<Record<string, number>> {
  const nombres = (await conexion.db!.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => n.startsWith('convocatoria') && n !== 'convocatorias');
  const cuentas: Record<string, number> = {};
  for (const n of nombres) cuentas[n] = await conexion.collection(n).countDocuments({});
  return cuentas;
}

/** Turns never finished: after a recovery there must be none. */
export async function turnosAbiertos(t: ConDb): Promise<unknown[]> {
  return t.connection.collection('sorteo_turnos').find({ terminado: false }).toArray();
}

/** Every one of `ids` untouched since it was approved (a close changes no solicitud). */
export async function todasAprobadas(t: ConDb, ids: readonly string[]): Promise<void> {
  const sol = await estados(t, ids);
  expect(sol.size).toBe(ids.length);
  for (const [id, s] of sol) {
    expect({ id, ...s }).toEqual({
      id,
      estado: 'aprobada',
      sorteoId: null,
      parqueadero: null,
      posicionEspera: null,
      version: 1,
    });
  }
}

/**
 * Brings the convocatoria's date to the past in its stored header. A child server's clock cannot
 * be moved, and these tests are about crashes and races; the date rule itself is tested in-process
 * with the injected clock (test/convocatorias.e2e-spec.ts).
 */
export async function vencer(t: ConDb, id: string): Promise<void> {
  const r = await t.connection
    .collection('convocatorias')
    .updateOne(
      { _id: new Types.ObjectId(id) },
      { $set: { fechaSorteo: new Date(Date.now() - 1000) } },
    );
  expect(r.matchedCount).toBe(1);
}

/**
 * Brings the convocatoria's date (vencer), executes it with two public values, and checks the result:
 * 201, `verificar` valid, the convocatoria `ejecutada` with that draw, and exactly `esperados` among
 * the result's participants and exclusions. Returns the draw's id.
 */
export async function ejecutarYVerificar(
  t: ConDb,
  s: ServidorHijo,
  token: string,
  c: ConvocatoriaApi,
  esperados: readonly string[],
): Promise<string> {
  await vencer(t, c.id);
  const r: Respuesta = await s.pedir('POST', '/sorteo/ejecutar', token, {
    convocatoriaId: c.id,
    valoresPublicos: ['4821', 'Testigos: 17'],
  });
  if (r.status !== 201) throw new Error(`ejecutar: ${r.status} ${JSON.stringify(r.body)}`);
  const id = r.body.id as string;
  expect(r.body.origenSemilla).toBe('convocatoria');
  expect(r.body.insumosHash).toBe(c.insumosHash);
  const revelada = r.body.convocatoria as { id: string; compromisoServidor: string };
  expect([revelada.id, revelada.compromisoServidor]).toEqual([c.id, c.compromisoServidor]);
  const participantes = r.body.participantes as Array<{ solicitudId: string }>;
  const excluidas = r.body.excluidas as Array<{ solicitudId: string }>;
  expect([...participantes, ...excluidas].map((p) => p.solicitudId).sort()).toEqual(
    [...esperados].sort(),
  );
  const v = await s.pedir('GET', `/sorteo/resultados/${id}/verificar`, token);
  expect(v.body).toEqual({ valido: true, diferencias: [], totalDiferencias: 0 });
  const tras = await leerConvocatoria(s, token, c.id);
  expect([tras.estado, tras.sorteoId]).toEqual(['ejecutada', id]);
  return id;
}
