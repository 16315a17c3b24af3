import * as bcrypt from 'bcrypt';
import { randomBytes, createHash, KeyObject } from 'node:crypto';
import { Db, ObjectId } from 'mongodb';
import { AccessClaims, signHs256, verifyHs256 } from '../lib/jwt';
import { OBJECT_ID } from './http-util';

export interface Caller {
  id: string;
  rol: 'admin' | 'residente';
  residenteId: string | null;
  sesionId: string;
}

export interface AuthSettings {
  key: KeyObject;
  accessTtlSec: number;
  refreshTtlSec: number;
  maxFailuresEmail: number;
  maxFailuresIp: number;
  windowMs: number;
  decoyHash: string;
}

/** ParkNet's per-request check (JwtStrategy.validate): signature, claims, then the session by `_id`. */
export async function authenticate(
  db: Db,
  s: AuthSettings,
  header: string | undefined,
): Promise<Caller | null> {
  if (!header?.startsWith('Bearer ')) return null;
  const p = verifyHs256(header.slice(7), s.key, Math.floor(Date.now() / 1000));
  if (!p || p.typ !== 'access' || !OBJECT_ID.test(p.sub ?? '') || !OBJECT_ID.test(p.sid ?? ''))
    return null;
  if (p.rol !== 'admin' && p.rol !== 'residente') return null;
  const ses = await db
    .collection('sesiones')
    .findOne(
      { _id: new ObjectId(p.sid) },
      { projection: { usuarioId: 1, revocadaEn: 1, expiraEn: 1, credencialVersion: 1 } },
    );
  if (!ses || ses.revocadaEn || !((ses.expiraEn as Date) > new Date())) return null;
  if ((ses.usuarioId as ObjectId).toHexString() !== p.sub) return null;
  // CredencialesService.sesionVigente: no later credential version may have ended the session.
  const siguiente = `${p.sub}:${((ses.credencialVersion as number | undefined) ?? 0) + 1}`;
  if (await db.collection<{ _id: string }>('credenciales').findOne({ _id: siguiente })) return null;
  return { id: p.sub, rol: p.rol, residenteId: p.rid ?? null, sesionId: p.sid! };
}

export type LoginOutcome = { status: 200; body: unknown } | { status: 401 | 429; code: string };

/**
 * AuthService.login's database work: record both throttle attempts, count each key, read the user
 * by email, one bcrypt comparison, take the attempts back, insert the session, sign the token.
 */
export async function login(
  db: Db,
  s: AuthSettings,
  email: string,
  password: string,
  ip: string,
): Promise<LoginOutcome> {
  const now = new Date();
  const since = new Date(now.getTime() - s.windowMs);
  const intentos = db.collection('intentos_login');
  const limits: Array<[string, number]> = [
    [`email:${email}`, s.maxFailuresEmail],
    [`ip:${ip}`, s.maxFailuresIp],
  ];
  const docs = limits.map(([clave]) => ({ _id: new ObjectId(), clave, en: now }));
  await intentos.insertMany(docs, { ordered: false });
  const ids = docs.map((d) => d._id);
  for (const [clave, limit] of limits) {
    if ((await intentos.countDocuments({ clave, en: { $gte: since } })) > limit) {
      await intentos.deleteMany({ _id: { $in: ids } });
      return { status: 429, code: 'DEMASIADOS_INTENTOS' };
    }
  }
  // Same lookup as ParkNet: the email claim by _id, then the user by _id.
  const claim = await db
    .collection<{ _id: string; dueno: string }>('reclamos')
    .findOne({ _id: `usuario:email:${email}` });
  const u = claim
    ? await db.collection('usuarios').findOne({ _id: new ObjectId(claim.dueno) })
    : null;
  const hash = typeof u?.passwordHash === 'string' ? u.passwordHash : null;
  const ok =
    (await bcrypt.compare(password, hash ?? s.decoyHash)) &&
    !!hash &&
    Buffer.byteLength(password) <= 72;
  if (!u || !ok || u.estado !== 'activa') {
    const before = new Date(now.getTime() - s.windowMs);
    await Promise.all(limits.map(([clave]) => intentos.deleteMany({ clave, en: { $lt: before } })));
    return { status: 401, code: 'CREDENCIALES_INVALIDAS' };
  }
  await intentos.deleteMany({ _id: { $in: ids } });
  const sid = new ObjectId();
  const refreshToken = `${sid.toHexString()}.${randomBytes(32).toString('base64url')}`;
  await db.collection('sesiones').insertOne({
    _id: sid,
    usuarioId: u._id,
    refreshHash: createHash('sha256').update(refreshToken, 'utf8').digest('hex'),
    expiraEn: new Date(now.getTime() + s.refreshTtlSec * 1000),
    revocadaEn: null,
    creadaEn: now,
  });
  const iat = Math.floor(now.getTime() / 1000);
  const claims: AccessClaims = {
    sub: u._id.toHexString(),
    sid: sid.toHexString(),
    rol: u.rol as AccessClaims['rol'],
    rid: u.residenteId ? (u.residenteId as ObjectId).toHexString() : null,
    typ: 'access',
    iat,
    exp: iat + s.accessTtlSec,
  };
  return {
    status: 200,
    body: {
      accessToken: signHs256(claims, s.key),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: s.accessTtlSec,
      usuario: {
        id: claims.sub,
        email: u.email as string,
        rol: claims.rol,
        residenteId: claims.rid,
      },
    },
  };
}
