import { createHash, randomBytes } from 'node:crypto';

export function sha256Hex(texto: string): string {
  return createHash('sha256').update(texto, 'utf8').digest('hex');
}

/** An unguessable token for a person to hold (activation, refresh): 32 random bytes, URL-safe. */
export function tokenAleatorio(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
