import { BenchDb, selectedDbs, startDb } from '../lib/databases';
import { measureLoad, LoadResult } from '../lib/load';
import { machineInfo } from '../lib/machine';
import { envNumber, SMOKE, writeResults } from '../lib/results';
import {
  connect,
  ensureIndexes,
  PostIdentity,
  seedPostIdentities,
  seedSolicitudes,
} from '../lib/seed';
import { RunningServer, serverEnv, startFloor, startParkNet } from '../lib/servers';
import { median } from '../lib/stats';
import { APPROVED_FROM, prepareDrawResult } from './draw-result';
import { httpMarkdown } from './report';
import {
  listScenario,
  loginScenario,
  participantesScenario,
  postScenario,
  Scenario,
} from './scenarios';
import type { DbResult, ScenarioResult } from './types';

const cfg = {
  durationSec: envNumber('BENCH_DURATION', 10, 2),
  warmupSec: envNumber('BENCH_WARMUP', 3, 1),
  rounds: envNumber('BENCH_ROUNDS', 3, 1),
  connections: envNumber('BENCH_CONNECTIONS', 10, 10),
  loginConnections: envNumber('BENCH_LOGIN_CONNECTIONS', 4, 4),
  // Over 10,000 solicitudes one list request costs FerretDB seconds (see README): fewer
  // connections and a longer run, or the run would hold a handful of samples.
  listConnections: envNumber('BENCH_LIST_CONNECTIONS', 2, 2),
  listDurationSec: envNumber('BENCH_LIST_DURATION', 60, 15),
  solicitudes: envNumber('BENCH_SOLICITUDES', 10_000, 10_000),
  postResidents: envNumber('BENCH_POST_RESIDENTES', 25_000, 2_000),
  // Approved solicitudes seeded for the draw the participantes scenario reads.
  resultApproved: envNumber('BENCH_RESULT_PARTICIPANTES', 10_000, 10_000),
  // A page costs FerretDB a whole 1,000-item chunk (about 0.2 s, see README): enough connections
  // to keep both cores busy, and a run long enough to hold more than a handful of samples.
  participantesConnections: envNumber('BENCH_PARTICIPANTES_CONNECTIONS', 4, 4),
  participantesDurationSec: envNumber('BENCH_PARTICIPANTES_DURATION', 30, 5),
  bcryptRounds: envNumber('BCRYPT_ROUNDS', 12, 12),
};

const pick = (rs: LoadResult[]) => ({
  rps: median(rs.map((r) => r.rps)),
  p50Ms: median(rs.map((r) => r.p50Ms)),
  p99Ms: median(rs.map((r) => r.p99Ms)),
});

/** Null when the floor completed nothing to compare with. */
function ratio(parknet: number, floor: number): number | null {
  const r = parknet / floor;
  return Number.isFinite(r) && floor > 0 ? Math.round(r * 100) / 100 : null;
}

/** Rounds alternate which server goes first, so neither always meets the warmer database. */
async function runScenario(
  s: Scenario,
  parknet: RunningServer,
  floor: RunningServer,
): Promise<ScenarioResult> {
  const res: Record<'parknet' | 'floor', LoadResult[]> = { parknet: [], floor: [] };
  for (let round = 0; round < cfg.rounds; round++) {
    const order = round % 2 === 0 ? [parknet, floor] : [floor, parknet];
    for (const server of order) {
      const r = await measureLoad({
        url: server.url,
        connections: s.connections,
        durationSec: s.durationSec,
        warmupSec: cfg.warmupSec,
        requests: s.requests,
      });
      console.log(
        `  ${s.name} · ${server.name} · round ${round + 1}: ${r.rps} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`,
      );
      res[server.name].push(r);
    }
  }
  const m = { parknet: pick(res.parknet), floor: pick(res.floor) };
  return {
    scenario: s.name,
    connections: s.connections,
    ...res,
    median: m,
    ratio: { rps: ratio(m.parknet.rps, m.floor.rps), p99: ratio(m.parknet.p99Ms, m.floor.p99Ms) },
  };
}

async function adminLogin(url: string, email: string, password: string): Promise<string> {
  const r = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (r.status !== 200) throw new Error(`admin login answered ${r.status}: ${await r.text()}`);
  return ((await r.json()) as { accessToken: string }).accessToken;
}

async function benchDb(db: BenchDb): Promise<DbResult> {
  // Residents, units and plates derive from the seed index: the sets must not overlap.
  if (Math.max(cfg.solicitudes, cfg.solicitudes / 2 + cfg.postResidents) > APPROVED_FROM)
    throw new Error(`BENCH_SOLICITUDES / BENCH_POST_RESIDENTES reach index ${APPROVED_FROM}`);
  const env = serverEnv(db, cfg.bcryptRounds);
  const { client, db: mdb } = await connect(db.uri, db.dbName);
  const servers: RunningServer[] = [];
  try {
    await ensureIndexes(mdb);
    console.log(`[${db.kind}] seeding ${cfg.solicitudes} solicitudes`);
    const listResidents = await seedSolicitudes(mdb, cfg.solicitudes);
    const parknet = await startParkNet(env);
    servers.push(parknet);
    const floor = await startFloor(env);
    servers.push(floor);
    const usuarios = await mdb.collection('usuarios').countDocuments();
    const scenarios: ScenarioResult[] = [];
    scenarios.push(
      await runScenario(
        loginScenario(env.adminEmail, env.adminPassword, cfg.loginConnections, cfg.durationSec),
        parknet,
        floor,
      ),
    );
    // After the login scenario: its logins would push this session past the per-user session cap.
    const adminToken = await adminLogin(parknet.url, env.adminEmail, env.adminPassword);
    scenarios.push(
      await runScenario(
        listScenario(adminToken, cfg.listConnections, cfg.listDurationSec),
        parknet,
        floor,
      ),
    );
    console.log(
      `[${db.kind}] seeding ${cfg.postResidents} residents with sessions for POST /solicitudes`,
    );
    const pool: PostIdentity[] = await seedPostIdentities(
      mdb,
      listResidents,
      cfg.postResidents,
      env.jwtSecret,
    );
    scenarios.push(
      await runScenario(postScenario(pool, cfg.connections, cfg.durationSec), parknet, floor),
    );
    // Last, because the draw turns the list set's approved solicitudes into results: the scenarios
    // above see the database exactly as before this one existed. A fresh token: the first may
    // have outlived its 15 minutes by now.
    console.log(`[${db.kind}] seeding ${cfg.resultApproved} approved solicitudes and drawing`);
    const parknetBeforeDraw = parknet.peakRssMb();
    const drawToken = await adminLogin(parknet.url, env.adminEmail, env.adminPassword);
    const resultado = await prepareDrawResult(mdb, parknet.url, drawToken, cfg.resultApproved);
    console.log(
      `[${db.kind}] draw ${resultado.id}: ${resultado.participantes} participants, ${resultado.excluidos} excluded, ${resultado.drawMs} ms`,
    );
    scenarios.push(
      await runScenario(
        participantesScenario(
          drawToken,
          resultado.id,
          resultado.participantes,
          cfg.participantesConnections,
          cfg.participantesDurationSec,
        ),
        parknet,
        floor,
      ),
    );
    return {
      db: db.kind,
      version: db.version,
      seeded: {
        solicitudes: cfg.solicitudes,
        usuarios,
        postIdentities: pool.length,
        resultado,
      },
      scenarios,
      peakRssMb: {
        parknet: parknet.peakRssMb(),
        parknetBeforeDraw,
        floor: floor.peakRssMb(),
      },
    };
  } finally {
    for (const s of servers) await s.stop();
    await client.close();
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const results: DbResult[] = [];
  for (const kind of selectedDbs()) {
    const db = await startDb(kind);
    console.log(`[${kind}] ${db.version}`);
    try {
      results.push(await benchDb(db));
    } finally {
      await db.stop();
    }
  }
  const raw = { machine, config: cfg, smoke: SMOKE, results };
  const files = writeResults('http', SMOKE, httpMarkdown(raw), raw);
  console.log(`results: ${files.md}\nraw: ${files.json}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
