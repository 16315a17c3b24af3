import { request } from 'node:http';

export interface JsonReply {
  status: number;
  bytes: number;
  body: unknown;
}

/**
 * One request answered with JSON, with no client-side timeout: a 100,000-participant draw on
 * FerretDB answers after minutes, longer than fetch's default headers timeout. The body is sent
 * as JSON, or as is with `contentType` (a CSV import).
 */
export function jsonRequest(
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  contentType = 'application/json',
): Promise<JsonReply> {
  const payload =
    body === undefined
      ? undefined
      : Buffer.from(
          contentType !== 'application/json' && typeof body === 'string'
            ? body
            : JSON.stringify(body),
        );
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      {
        method,
        headers: {
          ...(payload ? { 'content-type': contentType } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('end', () => {
          const all = Buffer.concat(parts);
          try {
            resolve({
              status: res.statusCode ?? 0,
              bytes: all.length,
              body: JSON.parse(all.toString()),
            });
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
