import { Db, ObjectId } from 'mongodb';
import { BenchDb, DbKind, selectedDbs, startDb } from '../lib/databases';
import { machineInfo, machineMarkdown } from '../lib/machine';
import { envNumber, SMOKE, writeResults } from '../lib/results';
import { connect, ensureIndexes, insertChunked, seedSolicitudes } from '../lib/seed';
import { reclamoDocs, residenteDoc, solicitudDoc } from '../lib/seed-data';
import { RunningServer, serverEnv, startParkNet } from '../lib/servers';
import { median } from '../lib/stats';
import { jsonRequest } from '../sorteo/http-json';

/**
 * Bulk approval (issue 13, item 4): on a fresh database with a history of solicitudes in every
 * state, ROUNDS calls of POST /solicitudes/aprobaciones, each with IDS fresh pendiente ids, timed
 * from request to last byte on the compiled ParkNet. Target: 1,000 approvals in under 10 s on the
 * embedded database (FerretDB on SQLite).
 */

const HISTORIA = envNumber('BENCH_APROBACIONES_HISTORIA', 20_000, 2_000);
const IDS = envNumber('BENCH_APROBACIONES_IDS', 1000, 100);
const ROUNDS = envNumber('BENCH_ROUNDS', 3, 1);
/** Past the indexes the history and seedApproved use: units and plates of their own. */
const DESDE = 700_000;

interface Ronda {
  ms: number;
  aprobadas: number;
  /** ParkNet's own phase line ("[Aprobaciones] ... recuperar ... leer ... escribir ..."). */
  fases: string;
}

interface DbResult {
  db: DbKind;
  version: string;
  seedMs: number;
  solicitudes: number;
  rondas: Ronda[];
  medianaMs: number;
  /** One full scan of `solicitudes` through the driver, at the same moment: the cost unit. */
  escaneoMs: number;
}

/** `n` residents al día, each with one pendiente solicitud, as a resident creates it. */
async function seedPendientes(db: Db, n: number, desde: number): Promise<string[]> {
  const now = new Date();
  const residentes = Array.from({ length: n }, (_, k) => ({
    ...residenteDoc(desde + k, now),
    alDia: true,
  }));
  await insertChunked(db, 'residentes', residentes);
  const adminId = new ObjectId();
  // solicitudDoc gives index n % 7 === 0 the pendiente state: keep those indexes.
  const solicitudes = residentes.map((r, k) =>
    solicitudDoc(r, 'carro', (desde + k) * 7, adminId, now),
  );
  await insertChunked(db, 'solicitudes', solicitudes);
  await insertChunked(
    db,
    'reclamos',
    solicitudes.flatMap((s) => reclamoDocs(s, now)),
  );
  return solicitudes.map((s) => s._id.toHexString());
}

/** The transition claims a history leaves: one per change each solicitud went through. */
async function seedTransiciones(db: Db): Promise<void> {
  const docs = await db
    .collection('solicitudes')
    .find({ version: { $gt: 0 } }, { projection: { version: 1, historial: 1 } })
    .toArray();
  await insertChunked(
    db,
    'solicitudes_transiciones',
    docs.map((d) => {
      const h = (d.historial as Array<{ estado: string; fecha: Date; motivo: string | null }>)[1];
      return {
        _id: `${d._id.toHexString()}:1`,
        estado: h.estado,
        motivo: h.motivo,
        usuarioId: null,
        sorteoId: null,
        fecha: h.fecha,
      };
    }),
  );
}

async function benchDb(kind: DbKind): Promise<DbResult> {
  const bench: BenchDb = await startDb(kind);
  let server: RunningServer | null = null;
  try {
    const { client, db } = await connect(bench.uri, bench.dbName);
    const t = Date.now();
    await ensureIndexes(db);
    await seedSolicitudes(db, HISTORIA);
    const lotes: string[][] = [];
    for (let r = 0; r < ROUNDS; r++) lotes.push(await seedPendientes(db, IDS, DESDE + r * IDS));
    await seedTransiciones(db);
    const solicitudes = await db.collection('solicitudes').countDocuments();
    await client.close();
    const seedMs = Date.now() - t;
    console.log(`[${kind}] ${solicitudes} solicitudes seeded in ${seedMs} ms`);

    const env = serverEnv(bench, 10);
    server = await startParkNet(env);
    const login = await jsonRequest(server.url, 'POST', '/auth/login', null, {
      email: env.adminEmail,
      password: env.adminPassword,
    });
    if (login.status !== 200) throw new Error(`admin login answered ${login.status}`);
    const token = (login.body as { accessToken: string }).accessToken;
    const rondas: Ronda[] = [];
    for (const ids of lotes) {
      const t0 = process.hrtime.bigint();
      const res = await jsonRequest(server.url, 'POST', '/solicitudes/aprobaciones', token, {
        ids,
      });
      const ms = Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.status !== 200) {
        throw new Error(
          `POST /solicitudes/aprobaciones answered ${res.status}: ${JSON.stringify(res.body)}`,
        );
      }
      const resultados = (res.body as { resultados: Array<{ estado: string; code?: string }> })
        .resultados;
      const aprobadas = resultados.filter((x) => x.estado === 'aprobada' && !x.code).length;
      if (aprobadas !== ids.length) throw new Error(`only ${aprobadas} of ${ids.length} approved`);
      const fases =
        server
          .output()
          // eslint-disable-next-line no-control-regex
          .replace(/\x1b\[[0-9;]*m/g, '')
          .split('\n')
          .filter((l) => l.includes('[Aprobaciones]'))
          .at(-1)
          ?.replace(/^.*\[Aprobaciones\]\s*/, '') ?? '';
      console.log(`  ${ids.length} approvals in ${ms} ms: ${fases}`);
      rondas.push({ ms, aprobadas, fases });
    }
    const escaneos: number[] = [];
    const medir = await connect(bench.uri, bench.dbName);
    for (let i = 0; i < ROUNDS; i++) {
      const t1 = process.hrtime.bigint();
      // Matches nothing, and no backend can push a range down: every document is read and decoded.
      await medir.db
        .collection('solicitudes')
        .find({ version: { $lt: -1 } })
        .toArray();
      escaneos.push(Math.round(Number(process.hrtime.bigint() - t1) / 1e6));
    }
    await medir.client.close();
    console.log(`  one scan of solicitudes: ${escaneos.join(', ')} ms`);
    return {
      escaneoMs: median(escaneos),
      db: kind,
      version: bench.version,
      seedMs,
      solicitudes,
      rondas,
      medianaMs: median(rondas.map((r) => r.ms)),
    };
  } finally {
    await server?.stop();
    await bench.stop();
  }
}

function markdown(machine: ReturnType<typeof machineInfo>, results: DbResult[]): string {
  const filas = results.map(
    (r) =>
      `| ${r.db} ${r.version} | ${r.solicitudes} | ${IDS} | ${r.rondas.map((x) => x.ms).join(', ')} | **${r.medianaMs}** | ${r.medianaMs < 10_000 ? 'yes' : 'no'} | ${r.escaneoMs} | ${Math.round((r.medianaMs / r.escaneoMs) * 10) / 10} |`,
  );
  return [
    `# Bulk approval: POST /solicitudes/aprobaciones${SMOKE ? ' (smoke: not a measurement)' : ''}`,
    '',
    machineMarkdown(machine),
    '',
    `Each call approves ${IDS} fresh pendiente solicitudes among a history of ${HISTORIA} solicitudes in every state (and their transition claims); time from request to last byte, ${ROUNDS} calls, median.`,
    '',
    '| database | solicitudes in the collection | ids per call | each call (ms) | median (ms) | under 10 s | one scan of solicitudes, driver only (ms) | call / scan |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...filas,
    '',
    "ParkNet's own phases of each call (its log line):",
    '',
    ...results.flatMap((r) => r.rondas.map((x) => `- ${r.db}: ${x.fases}`)),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const results: DbResult[] = [];
  for (const kind of selectedDbs()) results.push(await benchDb(kind));
  const raw = { machine, historia: HISTORIA, ids: IDS, rounds: ROUNDS, smoke: SMOKE, results };
  const files = writeResults('aprobaciones', SMOKE, markdown(machine, results), raw);
  console.log(`results: ${files.md}\nraw: ${files.json}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
