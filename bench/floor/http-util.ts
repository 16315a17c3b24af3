import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY = 1_048_576;

export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

export function fail(res: ServerResponse, status: number, code: string): void {
  send(res, status, { statusCode: status, code, message: code });
}

export const OBJECT_ID = /^[0-9a-f]{24}$/;

/** What a handler answers; the router sends it. */
export type Outcome = { status: number; body: unknown };

/** ParkNet's query integers (`@Type(() => Number)`, `@IsInt`, `@Min(1)`, `@Max`): null when invalid. */
export function intParam(
  q: URLSearchParams,
  name: string,
  def: number,
  max: number,
): number | null {
  const raw = q.get(name);
  if (raw === null) return def;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}
