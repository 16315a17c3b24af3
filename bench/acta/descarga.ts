import { createHash } from 'node:crypto';
import { request } from 'node:http';

/** One GET of a download, streamed and never kept: its timings, size, hash and line count. */
export interface Descarga {
  status: number;
  primerByteMs: number;
  totalMs: number;
  bytes: number;
  sha256: string;
  lineas: number;
  etag: string | null;
}

export function descargar(
  base: string,
  ruta: string,
  token: string,
  ifNoneMatch?: string,
): Promise<Descarga> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(ruta, base),
      {
        headers: {
          authorization: `Bearer ${token}`,
          ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}),
        },
      },
      (res) => {
        const primerByteMs = performance.now() - t0;
        const hash = createHash('sha256');
        let bytes = 0;
        let lineas = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          hash.update(c);
          for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lineas += 1;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            primerByteMs,
            totalMs: performance.now() - t0,
            bytes,
            sha256: hash.digest('hex'),
            lineas,
            etag: res.headers.etag ?? null,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
