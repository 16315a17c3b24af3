import { Agent, request } from 'node:http';

/** One request kind, each identity once: what the residents' hour looked like for it. */
export interface Medida {
  /** Requests answered (any status) and of those, 2xx. */
  respondidas: number;
  ok: number;
  /** Identities never asked because the time cap came first. */
  sinPedir: number;
  estados: Record<string, number>;
  errores: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** 2xx answers per second of wall time, from the first request to the last answer. */
  rps: number;
  segundos: number;
}

function percentil(ordenadas: number[], p: number): number {
  if (ordenadas.length === 0) return NaN;
  return ordenadas[Math.min(ordenadas.length - 1, Math.ceil(p * ordenadas.length) - 1)];
}

function pedir(
  agent: Agent,
  url: URL,
  token: string,
): Promise<{ status: number; bytes: number; ms: number }> {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (b: Buffer) => (bytes += b.length));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          bytes,
          ms: Number(process.hrtime.bigint() - t0) / 1e6,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Every identity asks once for `ruta(k)`, `concurrencia` at a time over keep-alive connections,
 * latency from request to last byte. autocannon runs for a duration or a count of requests over
 * one list; this is a fixed set of people each asking once, with a wall-clock cap: after
 * `topeSeg` no new request starts (the ones in flight are waited for), so a slow server ends the
 * measurement with the identities it never reached counted in `sinPedir`.
 */
export async function cadaUnaVez(
  base: string,
  tokens: string[],
  ruta: (k: number) => string,
  concurrencia: number,
  topeSeg: number,
): Promise<Medida> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrencia });
  const lat: number[] = [];
  const estados: Record<string, number> = {};
  let errores = 0;
  let siguiente = 0;
  const t0 = Date.now();
  const tope = t0 + topeSeg * 1000;
  const trabajador = async (): Promise<void> => {
    while (siguiente < tokens.length && Date.now() < tope) {
      const k = siguiente++;
      try {
        const r = await pedir(agent, new URL(ruta(k), base), tokens[k]);
        lat.push(r.ms);
        estados[r.status] = (estados[r.status] ?? 0) + 1;
      } catch {
        errores++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrencia }, trabajador));
  const segundos = (Date.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  const ok = Object.entries(estados)
    .filter(([s]) => s.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  return {
    respondidas: lat.length,
    ok,
    sinPedir: tokens.length - siguiente,
    estados,
    errores,
    p50Ms: Math.round(percentil(lat, 0.5)),
    p99Ms: Math.round(percentil(lat, 0.99)),
    maxMs: Math.round(lat.at(-1) ?? NaN),
    rps: Math.round((ok / segundos) * 10) / 10,
    segundos: Math.round(segundos * 10) / 10,
  };
}

/** One JSON GET (the admin's first page tells the total, hence the last page). */
export async function getJson(base: string, path: string, token: string): Promise<unknown> {
  const r = await fetch(new URL(path, base), { headers: { authorization: `Bearer ${token}` } });
  if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${await r.text()}`);
  return r.json();
}
