import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Espectador } from './resultado.mapper';

/**
 * A result's ETag (API.md Conventions): the state of the result (id, movimientos, annulment) and
 * who looks, since a resident's body holds their own unit's entries whole. Opaque: the resident's
 * part is a hash, so the tag names no one.
 */
export function etiquetaResultado(version: string, e: Espectador): string {
  if (e.rol === 'admin') return `"${version}.admin"`;
  const quien = `${e.residenteId}|${e.unidad?.torre ?? ''}|${e.unidad?.apartamento ?? ''}`;
  const h = createHash('sha256').update(quien).digest('base64url').slice(0, 16);
  return `"${version}.${h}"`;
}

/** RFC 9110 If-None-Match: a list of tags (weak comparison) or `*`. */
export function coincideEtiqueta(
  ifNoneMatch: string | string[] | undefined,
  etag: string,
): boolean {
  if (!ifNoneMatch) return false;
  const lista = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  return lista
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t.replace(/^W\//, '') === etag);
}

/**
 * Sets `etag` on the reply and, when the request's If-None-Match holds it, a 304: true then, and
 * the handler sends no body. `private, no-cache`: kept by the reader's own client only (a
 * resident's view holds their own entries), and revalidated every time.
 */
export function noModificado(req: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  void reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
  if (!coincideEtiqueta(req.headers['if-none-match'], etag)) return false;
  void reply.status(304);
  return true;
}
