import { createHash } from 'node:crypto';

/** A JSON value as stored in an entry: what `cambios` may hold once canonicalised. */
export type Json = null | boolean | number | string | Json[] | { [clave: string]: Json };

/**
 * The value as plain JSON data: Dates become ISO strings, ObjectIds and other objects with
 * `toJSON` their JSON form, `undefined` members are dropped (as JSON.stringify does). What is
 * stored is exactly this, so what is read back hashes the same.
 */
export function aJson(valor: unknown): Json {
  return JSON.parse(JSON.stringify(valor ?? null)) as Json;
}

/** JSON with the keys of every object sorted (code-unit order), no spaces: API.md's canonical form. */
export function jsonCanonico(valor: unknown): string {
  if (valor === null || typeof valor !== 'object') return JSON.stringify(valor ?? null);
  if (Array.isArray(valor)) return `[${valor.map((v) => jsonCanonico(v ?? null)).join(',')}]`;
  const obj = valor as Record<string, unknown>;
  const claves = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${claves.map((k) => `${JSON.stringify(k)}:${jsonCanonico(obj[k])}`).join(',')}}`;
}

export const HASH_INICIAL = '0'.repeat(64);

/** SHA-256 hex of the entry's canonical JSON without `hash`. */
export function hashDeEntrada(entrada: object): string {
  const sinHash: Record<string, unknown> = { ...entrada };
  delete sinHash.hash;
  return createHash('sha256').update(jsonCanonico(sinHash), 'utf8').digest('hex');
}
