import { Db, ObjectId } from 'mongodb';
import { BenchDb, DbKind, startDb } from './databases';
import { connect, ensureIndexes, insertChunked } from './seed';
import { reclamoDocs, residenteDoc, solicitudDoc, SolicitudDoc } from './seed-data';

/** A spot as POST /sorteo/ejecutar takes it. */
export interface Spot {
  codigo: string;
  tipo: 'carro' | 'moto';
  discapacidad?: boolean;
}

/**
 * `n` approved solicitudes (a carro and a moto for each of n/2 residents, so every unit holds one
 * per type), with the open-request claims an approved solicitud holds. Residents are seeded too:
 * the draw reads their attributes. Ids start at `from` so several sets can share a database.
 */
export async function seedApproved(db: Db, n: number, from = 0): Promise<SolicitudDoc[]> {
  const now = new Date();
  const residentes = Array.from({ length: Math.ceil(n / 2) }, (_, k) =>
    residenteDoc(from + k, now),
  );
  await insertChunked(db, 'residentes', residentes);
  const adminId = new ObjectId();
  const solicitudes: SolicitudDoc[] = [];
  for (let k = 0; k < n; k++) {
    const s = solicitudDoc(residentes[k >> 1], k % 2 ? 'moto' : 'carro', from + k, adminId, now);
    // Whatever state the index gave it, approved as an admin approves: one step after pendiente.
    const creada = s.historial[0].fecha;
    const aprobada = new Date(creada.getTime() + 3_600_000);
    s.estado = 'aprobada';
    s.motivo = null;
    s.historial = [
      s.historial[0],
      { estado: 'aprobada', fecha: aprobada, usuarioId: adminId, motivo: null },
    ];
    s.version = 1;
    s.updatedAt = aprobada;
    solicitudes.push(s);
  }
  await insertChunked(db, 'solicitudes', solicitudes);
  await insertChunked(
    db,
    'reclamos',
    solicitudes.flatMap((s) => reclamoDocs(s, now)),
  );
  return solicitudes;
}

/** `count` spots, 80% carro (1 in 50 of them reserved for disability) and 20% moto. */
export function spots(count: number): Spot[] {
  const motos = Math.floor(count / 5);
  return Array.from({ length: count }, (_, i) =>
    i < count - motos
      ? { codigo: `C-${i + 1}`, tipo: 'carro', discapacidad: i % 50 === 0 }
      : { codigo: `M-${i + 1}`, tipo: 'moto' },
  );
}

/** A fresh database of `kind` holding `n` approved solicitudes (seedApproved), and the seeding time. */
export async function seeded(kind: DbKind, n: number): Promise<{ db: BenchDb; seedMs: number }> {
  const db = await startDb(kind);
  try {
    const { client, db: mdb } = await connect(db.uri, db.dbName);
    const t = Date.now();
    await ensureIndexes(mdb);
    await seedApproved(mdb, n);
    await client.close();
    return { db, seedMs: Date.now() - t };
  } catch (err) {
    await db.stop();
    throw err;
  }
}
