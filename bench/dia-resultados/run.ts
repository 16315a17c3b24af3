import { BenchDb, DbKind, selectedDbs, startDb } from '../lib/databases';
import { machineInfo } from '../lib/machine';
import { envNumber, SMOKE, writeResults } from '../lib/results';
import { connect, ensureIndexes } from '../lib/seed';
import { spots } from '../lib/seed-sorteo';
import { RunningServer, ServerEnv, serverEnv, startParkNet } from '../lib/servers';
import { sleep } from '../lib/wait';
import { jsonRequest } from '../sorteo/http-json';
import { cadaUnaVez, getJson } from './carga';
import { markdown } from './report';
import { sembrar, Tamano } from './seed';
import { Fila, NombreVariante, ResultadoVariante } from './types';

/**
 * The day the results come out (issue 14): R residents with sessions, one draw over them, then
 * every resident at once asks once for each resident-facing read; and, at 20,000 solicitudes and
 * 10,000 residents, the admin's lists. On the compiled ParkNet with `npm start`'s flags.
 */

const R = envNumber('BENCH_DIA_RESIDENTES', 2000, 200);
const PREVIOS = envNumber('BENCH_DIA_PREVIOS', 10, 10);
const GRANDE = envNumber('BENCH_DIA_GRANDE', 10_000, 1000);
const CONCURRENCIA = envNumber('BENCH_DIA_CONCURRENCIA', 50, 50);
const TOPE_SEG = envNumber('BENCH_DIA_TOPE_SEG', 120, 20);
const ADMIN_PETICIONES = envNumber('BENCH_DIA_ADMIN_PETICIONES', 8, 2);
const PAUSA_MS = 3000;

export const VARIANTES: Record<NombreVariante, Tamano & { descripcion: string }> = {
  base: {
    residentes: R,
    conSesion: R,
    sorteosPrevios: 0,
    descripcion: `${R} residents, no history`,
  },
  historia: {
    residentes: R,
    conSesion: R,
    sorteosPrevios: PREVIOS,
    descripcion: `${R} residents, ${PREVIOS} earlier draws' closed solicitudes (5 years)`,
  },
  grande: {
    residentes: GRANDE,
    conSesion: Math.min(R, GRANDE),
    sorteosPrevios: 1,
    descripcion: `${GRANDE}-participant result, ${2 * GRANDE} solicitudes, ${Math.min(R, GRANDE)} residents with sessions`,
  },
};

const LECTURAS: Array<{
  nombre: string;
  ruta: (id: string, paginas: number, k: number) => string;
}> = [
  { nombre: 'GET /auth/me (baseline)', ruta: () => '/auth/me' },
  { nombre: 'GET /sorteo/mi-asignacion', ruta: () => '/sorteo/mi-asignacion' },
  { nombre: 'GET /sorteo/resultados/:id', ruta: (id) => `/sorteo/resultados/${id}` },
  {
    nombre: 'GET /sorteo/resultados/:id/participantes?limit=50',
    ruta: (id, p, k) => `/sorteo/resultados/${id}/participantes?limit=50&page=${(k % p) + 1}`,
  },
  { nombre: 'GET /solicitudes?limit=20 (own)', ruta: () => '/solicitudes?limit=20' },
];

async function draw(server: RunningServer, token: string, n: number) {
  const t0 = Date.now();
  const r = await jsonRequest(server.url, 'POST', '/sorteo/ejecutar', token, {
    nombre: 'Sorteo del día de resultados',
    parqueaderos: spots(Math.ceil(n / 3)),
  });
  if (r.status !== 201) throw new Error(`the draw answered ${r.status}: ${JSON.stringify(r.body)}`);
  const body = r.body as { id: string; resumen: { participantes: number } };
  return { id: body.id, participantes: body.resumen.participantes, ms: Date.now() - t0 };
}

async function lecturas(url: string, tokens: string[], id: string, participantes: number) {
  const paginas = Math.max(1, Math.ceil(participantes / 50));
  const filas: Fila[] = [];
  for (const l of LECTURAS) {
    const medida = await cadaUnaVez(
      url,
      tokens,
      (k) => l.ruta(id, paginas, k),
      CONCURRENCIA,
      TOPE_SEG,
    );
    console.log(`  ${l.nombre}: ${JSON.stringify(medida)}`);
    filas.push({ peticion: l.nombre, medida });
    await sleep(PAUSA_MS);
  }
  const acta = `/sorteo/resultados/${id}/acta.pdf`;
  const probe = await fetch(new URL(acta, url), {
    headers: { authorization: `Bearer ${tokens[0]}` },
  });
  await probe.arrayBuffer();
  if (probe.status === 404) {
    filas.push({ peticion: 'GET /sorteo/resultados/:id/acta.pdf', medida: null, nota: '404' });
  } else {
    const medida = await cadaUnaVez(url, tokens, () => acta, CONCURRENCIA, TOPE_SEG);
    filas.push({ peticion: 'GET /sorteo/resultados/:id/acta.pdf', medida });
  }
  return filas;
}

/** First and last page of each admin list, ADMIN_PETICIONES times each, one at a time. */
async function listasAdmin(url: string, token: string, id: string): Promise<Fila[]> {
  const listas = [
    { nombre: 'GET /solicitudes?limit=20', ruta: '/solicitudes?limit=20', limit: 20 },
    { nombre: 'GET /residentes?limit=20', ruta: '/residentes?limit=20', limit: 20 },
    {
      nombre: 'GET /sorteo/resultados/:id/participantes?limit=50',
      ruta: `/sorteo/resultados/${id}/participantes?limit=50`,
      limit: 50,
    },
    { nombre: 'GET /auditoria?limit=50', ruta: '/auditoria?limit=50', limit: 50 },
  ];
  const filas: Fila[] = [];
  const veces = Array.from({ length: ADMIN_PETICIONES }, () => token);
  for (const l of listas) {
    // A list that fails (the database's time limit) is measured anyway, on its first page only.
    const primera = (await getJson(url, l.ruta, token).catch(() => null)) as {
      meta: { total: number };
    } | null;
    const total = primera?.meta.total;
    const ultima = total === undefined ? 1 : Math.max(1, Math.ceil(total / l.limit));
    for (const page of ultima > 1 ? [1, ultima] : [1]) {
      const medida = await cadaUnaVez(url, veces, () => `${l.ruta}&page=${page}`, 1, TOPE_SEG);
      const nombre = `${l.nombre} page ${page} of ${ultima} (total ${total ?? 'unknown: it failed'})`;
      console.log(`  admin ${nombre}: ${JSON.stringify(medida)}`);
      filas.push({ peticion: nombre, medida });
    }
  }
  return filas;
}

/**
 * The admin's account is created by the server after it starts listening; on a large, busy
 * database a login can come before it (401): try again for a minute.
 */
async function loginAdmin(url: string, env: ServerEnv): Promise<string> {
  for (let i = 0; ; i++) {
    const login = await jsonRequest(url, 'POST', '/auth/login', null, {
      email: env.adminEmail,
      password: env.adminPassword,
    });
    if (login.status === 200) return (login.body as { accessToken: string }).accessToken;
    if (i >= 30) throw new Error(`admin login answered ${login.status}`);
    await sleep(2000);
  }
}

/** The distinct error lines the server logged (its last 8 KB): why the non-2xx answers. */
function erroresDelServidor(server: RunningServer): string[] {
  const lineas = server
    .output()
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => /error|exceed|timed out|tiempo/i.test(l))
    .map((l) => l.slice(0, 240));
  return [...new Set(lineas)].slice(0, 6);
}

async function variante(kind: DbKind, nombre: NombreVariante): Promise<ResultadoVariante> {
  const t = VARIANTES[nombre];
  const bench: BenchDb = await startDb(kind);
  let server: RunningServer | null = null;
  try {
    const env = serverEnv(bench, 10);
    const { client, db } = await connect(bench.uri, bench.dbName);
    const t0 = Date.now();
    await ensureIndexes(db);
    const pob = await sembrar(db, t, env.jwtSecret);
    await client.close();
    const seedMs = Date.now() - t0;
    console.log(
      `[${kind} ${nombre}] ${pob.residentes} residents, ${pob.solicitudes} solicitudes seeded in ${seedMs} ms`,
    );

    server = await startParkNet(env);
    const admin = await loginAdmin(server.url, env);
    const d = await draw(server, admin, t.residentes);
    const sorteoRssMb = server.peakRssMb();
    console.log(`  draw of ${d.participantes} in ${d.ms} ms, peak RSS ${sorteoRssMb} MB`);
    // A fresh process for the hour of reads, so its peak RSS is theirs and not the draw's.
    await server.stop();
    server = await startParkNet(env);

    const filas = await lecturas(server.url, pob.tokens, d.id, d.participantes);
    const rssLecturasMb = server.peakRssMb();
    const registro = erroresDelServidor(server);
    if (registro.length) console.log(`  server errors:\n    ${registro.join('\n    ')}`);
    const adminFilas = nombre === 'grande' ? await listasAdmin(server.url, admin, d.id) : [];
    return {
      db: kind,
      version: bench.version,
      variante: nombre,
      residentes: pob.residentes,
      solicitudes: pob.solicitudes,
      participantes: d.participantes,
      seedMs,
      sorteoMs: d.ms,
      sorteoRssMb,
      filas,
      rssLecturasMb,
      admin: adminFilas,
      rssFinalMb: server.peakRssMb(),
      registro,
    };
  } finally {
    await server?.stop();
    await bench.stop();
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const nombres = (process.env.BENCH_DIA_VARIANTES ?? 'base,historia,grande')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is NombreVariante => s in VARIANTES);
  const results: ResultadoVariante[] = [];
  const params = { R, PREVIOS, GRANDE, CONCURRENCIA, TOPE_SEG, ADMIN_PETICIONES };
  // Written after every variant, so a run cut short still leaves what it measured.
  for (const kind of selectedDbs())
    for (const n of nombres) {
      results.push(await variante(kind, n));
      const loadAvgEnd = machineInfo().loadAvg1m;
      const raw = { machine, loadAvgEnd, params, smoke: SMOKE, results };
      const files = writeResults(
        'dia-resultados',
        SMOKE,
        markdown(machine, loadAvgEnd, params, results),
        raw,
      );
      console.log(`results: ${files.md}\nraw: ${files.json}`);
    }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
