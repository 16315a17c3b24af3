import { createHmac, KeyObject, timingSafeEqual } from 'node:crypto';

/** The access-token claims ParkNet signs (src/modules/auth/token.types.ts) plus iat/exp. */
export interface AccessClaims {
  sub: string;
  sid: string;
  rol: 'admin' | 'residente';
  rid: string | null;
  typ: 'access';
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export function signHs256(claims: AccessClaims, key: KeyObject): string {
  const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

/**
 * What jsonwebtoken.verify does for ParkNet (HS256 only, expiry checked), and nothing more:
 * the floor's token check. Null for any malformed, wrongly signed or expired token.
 */
export function verifyHs256(
  token: string,
  key: KeyObject,
  nowSec: number,
): Partial<AccessClaims> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as {
      alg?: unknown;
    };
    if (header.alg !== 'HS256') return null;
    const expected = createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
    const given = Buffer.from(parts[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = JSON.parse(
      Buffer.from(parts[1], 'base64url').toString('utf8'),
    ) as Partial<AccessClaims>;
    if (typeof claims.exp !== 'number' || claims.exp <= nowSec) return null;
    return claims;
  } catch {
    return null;
  }
}
