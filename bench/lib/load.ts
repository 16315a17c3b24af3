import autocannon from 'autocannon';
import { sleep } from './wait';

/** One load measurement: fixed connections and duration, after a discarded warm-up run. */
export interface LoadSpec {
  url: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** Builds the request list afresh for each run (warm-up and measured). */
  requests: () => autocannon.Request[];
}

export interface LoadResult {
  /** Successful (2xx) responses per second over the measured run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

function summarise(r: autocannon.Result): LoadResult {
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = s.count;
  return {
    rps: Math.round((r['2xx'] / r.duration) * 10) / 10,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
}

const TIMEOUT_SEC = 60;

/**
 * autocannon stops by closing its sockets, but the server finishes what was in flight. Waiting for
 * the slowest latency seen (the whole request timeout when nothing completed), plus a margin, lets
 * that drain, so no run pays for the previous one's leftovers and login attempts in flight never
 * pile up past the throttle.
 */
async function run(opts: autocannon.Options): Promise<autocannon.Result> {
  const r = await autocannon(opts);
  const completed = r['2xx'] + r.non2xx;
  await sleep(
    completed === 0 ? TIMEOUT_SEC * 1000 : Math.min(TIMEOUT_SEC * 1000, r.latency.max + 500),
  );
  return r;
}

export async function measureLoad(spec: LoadSpec): Promise<LoadResult> {
  const base = { url: spec.url, connections: spec.connections, timeout: TIMEOUT_SEC };
  if (spec.warmupSec > 0)
    await run({ ...base, duration: spec.warmupSec, requests: spec.requests() });
  return summarise(await run({ ...base, duration: spec.durationSec, requests: spec.requests() }));
}
