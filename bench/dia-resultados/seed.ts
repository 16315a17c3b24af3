import * as bcrypt from 'bcrypt';
import { createSecretKey } from 'node:crypto';
import { Db, ObjectId } from 'mongodb';
import { signHs256 } from '../lib/jwt';
import { insertChunked } from '../lib/seed';
import {
  reclamoDocs,
  residenteDoc,
  sesionDoc,
  solicitudDoc,
  SolicitudDoc,
  usuarioDoc,
} from '../lib/seed-data';

/** What one variant seeds: who the load speaks as, and how large the collections are. */
export interface Poblacion {
  /** One access token per resident with a session (the first `conSesion` residents). */
  tokens: string[];
  residentes: number;
  solicitudes: number;
}

export interface Tamano {
  /** Residents in the complex, each with one approved solicitud: the draw's participants. */
  residentes: number;
  /** The first of them hold an open session and are the ones who open the app. */
  conSesion: number;
  /** Earlier draws whose closed solicitudes (one per resident each) are already stored. */
  sorteosPrevios: number;
}

const DIA_MS = 86_400_000;

/** A fresh, unique ObjectId whose timestamp is `fecha`: `_id` order is creation order. */
function idEn(fecha: Date): ObjectId {
  return new ObjectId(ObjectId.generate(Math.floor(fecha.getTime() / 1000)));
}

/** The solicitud in state `aprobada`, as an admin approves it (pendiente → aprobada, version 1). */
function aprobada(s: SolicitudDoc, adminId: ObjectId, creada: Date): SolicitudDoc {
  const aprobadaEn = new Date(creada.getTime() + 3_600_000);
  return {
    ...s,
    _id: idEn(creada),
    estado: 'aprobada',
    motivo: null,
    historial: [
      { ...s.historial[0], fecha: creada },
      { estado: 'aprobada', fecha: aprobadaEn, usuarioId: adminId, motivo: null },
    ],
    version: 1,
    createdAt: creada,
    updatedAt: aprobadaEn,
  };
}

/**
 * A solicitud an earlier draw closed: approved, then asignada (1 in 3) or no_asignada by draw
 * `sorteoId`, as the draw's bulk rewrite leaves it. Closed solicitudes hold no claims.
 */
function cerrada(
  s: SolicitudDoc,
  adminId: ObjectId,
  creada: Date,
  sorteoId: ObjectId,
  gano: boolean,
  spot: string,
) {
  const a = aprobada(s, adminId, creada);
  const cierre = new Date(creada.getTime() + 7 * DIA_MS);
  const estado = gano ? 'asignada' : 'no_asignada';
  return {
    ...a,
    estado,
    sorteoId,
    parqueadero: gano ? spot : null,
    posicionEspera: null,
    historial: [
      ...a.historial.map((h) => ({ ...h, usuarioId: h.usuarioId })),
      { estado, fecha: cierre, usuarioId: null, motivo: null },
    ],
    version: 2,
    updatedAt: cierre,
  };
}

const tipoDe = (k: number): 'carro' | 'moto' => (k % 5 === 4 ? 'moto' : 'carro');

/**
 * `t.residentes` residents al día (so every approved solicitud is a participant), each with one
 * approved solicitud (4 carro : 1 moto, as the spots are split); accounts, sessions and signed
 * access tokens for the first `t.conSesion` (inserted directly, as a login leaves them: no bcrypt
 * per resident); and `t.sorteosPrevios` earlier draws' worth of closed solicitudes, one per
 * resident per draw, six months apart, older `_id`s than today's.
 */
export async function sembrar(db: Db, t: Tamano, jwtSecret: string): Promise<Poblacion> {
  const now = new Date();
  const adminId = new ObjectId();
  const residentes = Array.from({ length: t.residentes }, (_, k) => ({
    ...residenteDoc(k, now),
    alDia: true,
  }));
  await insertChunked(db, 'residentes', residentes);

  let solicitudes = 0;
  // Each resident's pointers (`<residenteId>:<n>` → solicitud, in creation order), as the API
  // writes them with every solicitud: the server starts with its index complete, as in a
  // deployment, instead of backfilling the seeded history while the residents ask.
  const punteros: Array<{ _id: string; residenteId: string; n: number; solicitudId: string }> = [];
  const apuntar = (docs: Array<{ _id: ObjectId; residenteId: ObjectId }>, n: number): void => {
    for (const d of docs) {
      const residenteId = d.residenteId.toHexString();
      punteros.push({
        _id: `${residenteId}:${n}`,
        residenteId,
        n,
        solicitudId: d._id.toHexString(),
      });
    }
  };
  for (let h = 0; h < t.sorteosPrevios; h++) {
    const sorteoId = new ObjectId();
    const base = now.getTime() - (t.sorteosPrevios - h) * 182 * DIA_MS;
    const docs = residentes.map((r, k) =>
      cerrada(
        solicitudDoc(r, tipoDe(k), k, adminId, now),
        adminId,
        new Date(base + k * 1000),
        sorteoId,
        k % 3 === 0,
        `C-${k + 1}`,
      ),
    );
    await insertChunked(db, 'solicitudes', docs);
    apuntar(docs, h + 1);
    solicitudes += docs.length;
  }

  const hoy = now.getTime() - 30 * DIA_MS;
  const abiertas = residentes.map((r, k) =>
    aprobada(solicitudDoc(r, tipoDe(k), k, adminId, now), adminId, new Date(hoy + k * 1000)),
  );
  await insertChunked(db, 'solicitudes', abiertas);
  apuntar(abiertas, t.sorteosPrevios + 1);
  await insertChunked(db, 'solicitudes_de_residente', punteros);
  await insertChunked(
    db,
    'reclamos',
    abiertas.flatMap((s) => reclamoDocs(s, now)),
  );
  solicitudes += abiertas.length;

  const hash = await bcrypt.hash('frase de relleno para las cuentas sembradas', 4);
  const conCuenta = residentes.slice(0, t.conSesion);
  const usuarios = conCuenta.map((r) => usuarioDoc(r, hash, now));
  await insertChunked(db, 'usuarios', usuarios);
  await insertChunked(
    db,
    'reclamos',
    usuarios.map((u) => ({
      _id: `usuario:email:${u.email}`,
      dueno: u._id.toHexString(),
      creadoEn: now,
    })),
  );
  const sesiones = usuarios.map((u) => sesionDoc(u._id, now));
  await insertChunked(db, 'sesiones', sesiones);

  const key = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
  const iat = Math.floor(now.getTime() / 1000);
  const tokens = sesiones.map((s, k) =>
    signHs256(
      {
        sub: usuarios[k]._id.toHexString(),
        sid: s._id.toHexString(),
        rol: 'residente',
        rid: conCuenta[k]._id.toHexString(),
        typ: 'access',
        iat,
        exp: iat + 6 * 3600,
      },
      key,
    ),
  );
  return { tokens, residentes: residentes.length, solicitudes };
}
