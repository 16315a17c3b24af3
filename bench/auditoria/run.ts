import { performance } from 'node:perf_hooks';
import { Db } from 'mongodb';
import { hashDeEntrada, HASH_INICIAL } from 'src/modules/auditoria/canonico';
import type { EntradaAuditoria } from 'src/modules/auditoria/entrada-auditoria';
import { startDb } from '../lib/databases';
import { machineInfo, machineMarkdown } from '../lib/machine';
import { envNumber, SMOKE, writeResults } from '../lib/results';
import { connect, ensureIndexes, insertChunked } from '../lib/seed';
import { residenteDoc } from '../lib/seed-data';
import { RunningServer, serverEnv, startParkNet } from '../lib/servers';
import { median } from '../lib/stats';
import { jsonRequest } from '../sorteo/http-json';

/**
 * The cost of the audit log (issue 16), on FerretDB-SQLite, one run:
 *  - POST /solicitudes and PATCH /solicitudes/:id/estado, one request at a time, on two servers
 *    over two databases seeded alike: one recording (its log already holding ENTRADAS entries),
 *    one started with AUDITORIA_BENCH_SIN_REGISTRO=true. Rounds alternate between them so both
 *    see the same machine. Target: at most 1.3x.
 *  - GET /auditoria?limit=50 over ENTRADAS entries (seeded with the driver, chain computed):
 *    newest page, a deep page, and filters. Target: p99 under 300 ms.
 */

const ENTRADAS = envNumber('BENCH_AUDITORIA_ENTRADAS', 100_000, 5_000);
const RONDAS = envNumber('BENCH_ROUNDS', 4, 2);
const POR_RONDA = envNumber('BENCH_AUDITORIA_POR_RONDA', 10, 5);
const LECTURAS = envNumber('BENCH_AUDITORIA_LECTURAS', 40, 20);
const ACCIONES = [
  'residente.modificado',
  'solicitud.estado',
  'solicitud.creada',
  'parqueadero.modificado',
];

async function sembrarAuditoria(db: Db, n: number, actores: string[]): Promise<void> {
  let previo = HASH_INICIAL;
  const inicio = Date.now() - n * 60_000;
  const lote: Array<EntradaAuditoria & { _id: string }> = [];
  for (let i = 1; i <= n; i++) {
    const base = {
      n: i,
      fecha: new Date(inicio + i * 60_000).toISOString(),
      actor: { id: actores[i % actores.length], rol: 'admin' },
      accion: ACCIONES[i % ACCIONES.length],
      recurso: { tipo: 'residente', id: `r${i % 5000}` },
      cambios: {
        telefono: { antes: `300${i}`, despues: `301${i}` },
        alDia: { antes: true, despues: false },
      },
      hashPrevio: previo,
    };
    const e = { ...base, hash: hashDeEntrada(base) };
    previo = e.hash;
    lote.push({ _id: String(i), ...e });
    if (lote.length === 1000 || i === n) {
      await insertChunked(db, 'auditoria', lote.splice(0));
    }
  }
}

async function token(s: RunningServer, email: string, password: string): Promise<string> {
  const r = await jsonRequest(s.url, 'POST', '/auth/login', null, { email, password });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { accessToken: string }).accessToken;
}

/** Answers other than the expected one, by status: counted and reported, not fatal. */
const fallos: Record<string, number> = {};

async function cronometrar(
  f: () => Promise<{ status: number }>,
  esperado: number,
): Promise<number> {
  const t0 = performance.now();
  const r = await f();
  const ms = performance.now() - t0;
  if (r.status !== esperado) fallos[String(r.status)] = (fallos[String(r.status)] ?? 0) + 1;
  return ms;
}

const p = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const r1 = (x: number): number => Math.round(x * 10) / 10;

interface Lado {
  server: RunningServer;
  token: string;
  residentes: string[];
  post: number[];
  patch: number[];
}

async function main(): Promise<void> {
  const maquina = machineInfo();
  const bd = await startDb('ferretdb-sqlite');
  const { client } = await connect(bd.uri, bd.dbName);
  const lados: Lado[] = [];
  try {
    const total = RONDAS * POR_RONDA;
    const now = new Date();
    for (const [i, conRegistro] of [true, false].entries()) {
      const dbName = `${bd.dbName}_${conRegistro ? 'con' : 'sin'}`;
      const db = client.db(dbName);
      await ensureIndexes(db);
      const residentes = Array.from({ length: total }, (_, k) => ({
        ...residenteDoc(k, now),
        cuenta: 'sin_cuenta',
        alDia: true,
      }));
      await insertChunked(db, 'residentes', residentes);
      const t0 = Date.now();
      if (conRegistro) await sembrarAuditoria(db, ENTRADAS, ['a1', 'a2', 'a3']);
      if (conRegistro) console.log(`${ENTRADAS} entradas sembradas en ${Date.now() - t0} ms`);
      const env = serverEnv({ uri: bd.uri, dbName }, 10);
      if (!conRegistro) env.extra = { AUDITORIA_BENCH_SIN_REGISTRO: 'true' };
      const server = await startParkNet(env);
      lados.push({
        server,
        token: await token(server, env.adminEmail, env.adminPassword),
        residentes: residentes.map((r) => r._id.toHexString()),
        post: [],
        patch: [],
      });
      void i;
    }
    // Warm-up: the recording server loads its index (a walk of the whole log) on the first list.
    const primera = await cronometrar(
      () => jsonRequest(lados[0].server.url, 'GET', '/auditoria?limit=50', lados[0].token),
      200,
    );
    console.log(`primera lectura (construye el índice): ${r1(primera)} ms`);

    for (let ronda = 0; ronda < RONDAS; ronda++) {
      for (const lado of ronda % 2 === 0 ? lados : [...lados].reverse()) {
        for (let k = 0; k < POR_RONDA; k++) {
          const i = ronda * POR_RONDA + k;
          let id = '';
          lado.post.push(
            await cronometrar(async () => {
              const r = await jsonRequest(lado.server.url, 'POST', '/solicitudes', lado.token, {
                residenteId: lado.residentes[i],
                vehiculo: { placa: `AUD${String(i).padStart(3, '0')}`, tipo: 'carro' },
              });
              id = (r.body as { id: string }).id;
              return r;
            }, 201),
          );
          lado.patch.push(
            await cronometrar(
              () =>
                jsonRequest(lado.server.url, 'PATCH', `/solicitudes/${id}/estado`, lado.token, {
                  estado: 'aprobada',
                }),
              200,
            ),
          );
        }
      }
    }

    const [con] = lados;
    const consultas: Record<string, string> = {
      'la más nueva (page=1)': '/auditoria?limit=50',
      'page=100': '/auditoria?limit=50&page=100',
      'page=1900 (las más viejas: lectura por _id)': '/auditoria?limit=50&page=1900',
      'accion=solicitud.estado': '/auditoria?limit=50&accion=solicitud.estado',
      'recurso.id=r42': '/auditoria?limit=50&recurso.tipo=residente&recurso.id=r42',
      'actor=a2, desde': `/auditoria?limit=50&actor=a2&desde=${encodeURIComponent(new Date(Date.now() - 3 * 86_400_000).toISOString())}`,
    };
    const lecturas: Record<string, number[]> = {};
    for (const [nombre, ruta] of Object.entries(consultas)) {
      lecturas[nombre] = [];
      for (let k = 0; k < (nombre.startsWith('page=1900') ? 3 : LECTURAS); k++)
        lecturas[nombre].push(
          await cronometrar(() => jsonRequest(con.server.url, 'GET', ruta, con.token), 200),
        );
    }
    const verificar = await cronometrar(
      () => jsonRequest(con.server.url, 'GET', '/auditoria/verificar', con.token),
      200,
    );

    const fila = (nombre: string, xs: number[]) =>
      `| ${nombre} | ${xs.length} | ${r1(median(xs))} | ${r1(p(xs, 0.9))} | ${r1(p(xs, 0.99))} |`;
    const md = [
      '# Audit log (issue 16): cost of recording, and GET /auditoria over a large log',
      '',
      machineMarkdown(maquina),
      `- Database: FerretDB ${bd.version} (SQLite), one run; the machine is shared with other work, so absolute times are noisy`,
      `- Log seeded with ${ENTRADAS} chained entries (driver) before the recording server starts`,
      '',
      '## POST /solicitudes and PATCH /solicitudes/:id/estado, one at a time (ms)',
      '',
      '| route, server | requests | median | p90 | p99 |',
      '| --- | --- | --- | --- | --- |',
      fila('POST /solicitudes, recording', lados[0].post),
      fila('POST /solicitudes, AUDITORIA_BENCH_SIN_REGISTRO', lados[1].post),
      fila('PATCH estado, recording', lados[0].patch),
      fila('PATCH estado, AUDITORIA_BENCH_SIN_REGISTRO', lados[1].patch),
      '',
      `Ratio of medians: POST ${(median(lados[0].post) / median(lados[1].post)).toFixed(2)}x, PATCH ${(median(lados[0].patch) / median(lados[1].patch)).toFixed(2)}x (target at most 1.3x).`,
      '',
      `## GET /auditoria?limit=50 over ${ENTRADAS}+ entries (ms)`,
      '',
      `First list after start (builds the in-memory index by walking the log once): ${r1(primera)} ms.`,
      '',
      '| query | requests | median | p90 | p99 |',
      '| --- | --- | --- | --- | --- |',
      ...Object.entries(lecturas).map(([n, xs]) => fila(n, xs)),
      '',
      `GET /auditoria/verificar (reads and re-hashes every entry): ${r1(verificar)} ms.`,
      '',
      `Unexpected answers (status: count, included in the times above): ${JSON.stringify(fallos)}.`,
      '',
    ].join('\n');
    const { md: archivo } = writeResults('auditoria', SMOKE, md, {
      lados: lados.map((l) => ({ post: l.post, patch: l.patch })),
      lecturas,
      primera,
      verificar,
    });
    console.log(md);
    console.log(`→ ${archivo}`);
  } finally {
    for (const l of lados) await l.server.stop();
    await client.close();
    await bd.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
