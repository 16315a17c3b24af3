import { request } from 'node:http';

export interface JsonReply {
  status: number;
  bytes: number;
  body: unknown;
}

/**
 * One JSON request with no client-side timeout: a 100,000-participant draw on FerretDB answers
 * after minutes, longer than fetch's default headers timeout.
 */
export function jsonRequest(
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<JsonReply> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      {
        method,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
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
