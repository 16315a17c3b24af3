import * as bcrypt from 'bcrypt';
import { createSecretKey } from 'node:crypto';
import { Db, Document, IndexSpecification, MongoClient, ObjectId } from 'mongodb';
import { signHs256 } from './jwt';
import {
  reclamoDocs,
  residenteDoc,
  sesionDoc,
  solicitudDoc,
  SolicitudDoc,
  usuarioDoc,
} from './seed-data';

const CHUNK = 1000;

/** The indexes the Mongoose schemas declare (autoIndex creates the same ones at ParkNet's start). */
const INDEXES: Record<string, Array<[IndexSpecification, { unique?: boolean }]>> = {
  usuarios: [
    [{ email: 1 }, { unique: true }],
    [{ residenteId: 1 }, {}],
    [{ activacionHash: 1 }, {}],
  ],
  sesiones: [[{ usuarioId: 1 }, {}]],
  intentos_login: [[{ clave: 1, en: 1 }, {}]],
  residentes: [
    [{ torre: 1, apartamento: 1 }, {}],
    [{ activo: 1 }, {}],
    [{ alDia: 1 }, {}],
    [{ 'documento.tipo': 1, 'documento.numero': 1 }, {}],
    [{ email: 1 }, {}],
  ],
  solicitudes: [
    [{ estado: 1, _id: -1 }, {}],
    [{ residenteId: 1, _id: -1 }, {}],
    [{ 'vehiculo.tipo': 1 }, {}],
    [{ 'unidad.torre': 1 }, {}],
    [{ sorteoId: 1 }, {}],
  ],
  solicitudes_transiciones: [[{ sorteoId: 1 }, {}]],
};

export async function connect(
  uri: string,
  dbName: string,
): Promise<{ client: MongoClient; db: Db }> {
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 10_000 });
  return { client, db: client.db(dbName) };
}

export async function ensureIndexes(db: Db): Promise<void> {
  for (const [coll, specs] of Object.entries(INDEXES)) {
    for (const [spec, opts] of specs) await db.collection(coll).createIndex(spec, opts);
  }
}

/** Unordered bulk inserts of 1,000 (FerretDB splits them into its own batches of 100). */
export async function insertChunked(db: Db, coll: string, docs: Document[]): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) {
    await db.collection(coll).insertMany(docs.slice(i, i + CHUNK), { ordered: false });
  }
}

/** Residents with an account, as residents created through the API and activated end up. */
async function seedResidents(db: Db, from: number, count: number, now: Date) {
  const hash = await bcrypt.hash('frase de relleno para las cuentas sembradas', 4);
  const residentes = Array.from({ length: count }, (_, k) => residenteDoc(from + k, now));
  const usuarios = residentes.map((r) => usuarioDoc(r, hash, now));
  await insertChunked(db, 'residentes', residentes);
  await insertChunked(db, 'usuarios', usuarios);
  // As ParkNet writes them: each account's email is claimed (login reads user by that claim).
  const reclamos = usuarios.map((u) => ({
    _id: `usuario:email:${String(u.email)}`,
    dueno: u._id.toHexString(),
    creadoEn: now,
  }));
  await insertChunked(db, 'reclamos', reclamos);
  return { residentes, usuarios };
}

/** `n` solicitudes in every state (half carro, half moto) of n/2 residents, with their claims. */
export async function seedSolicitudes(db: Db, n: number): Promise<number> {
  const now = new Date();
  const { residentes } = await seedResidents(db, 0, Math.ceil(n / 2), now);
  const adminId = new ObjectId();
  const solicitudes: SolicitudDoc[] = [];
  for (let k = 0; k < n; k++)
    solicitudes.push(solicitudDoc(residentes[k >> 1], k % 2 ? 'moto' : 'carro', k, adminId, now));
  await insertChunked(db, 'solicitudes', solicitudes);
  await insertChunked(
    db,
    'reclamos',
    solicitudes.flatMap((s) => reclamoDocs(s, now)),
  );
  return residentes.length;
}

export interface PostIdentity {
  token: string;
  /** Offset into the plate space: distinct from every seeded plate. */
  plateIndex: number;
}

/**
 * Residents who each hold an open session (inserted directly, as a login would leave it) and an
 * access token for it, signed with the servers' key: one identity per POST /solicitudes request.
 */
export async function seedPostIdentities(
  db: Db,
  from: number,
  count: number,
  jwtSecret: string,
): Promise<PostIdentity[]> {
  const now = new Date();
  const { residentes, usuarios } = await seedResidents(db, from, count, now);
  const sesiones = usuarios.map((u) => sesionDoc(u._id, now));
  await insertChunked(db, 'sesiones', sesiones);
  const key = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
  const iat = Math.floor(now.getTime() / 1000);
  return sesiones.map((s, k) => ({
    token: signHs256(
      {
        sub: usuarios[k]._id.toHexString(),
        sid: s._id.toHexString(),
        rol: 'residente',
        rid: residentes[k]._id.toHexString(),
        typ: 'access',
        iat,
        exp: iat + 6 * 3600,
      },
      key,
    ),
    plateIndex: 1_000_000 + from + k,
  }));
}
