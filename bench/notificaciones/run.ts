import { ObjectId } from 'mongodb';
import { SMTPServer } from 'smtp-server';
import { puertoLibre } from 'src/core/database/free-port';
import * as plantillas from 'src/modules/notificaciones/plantillas';
import { DbKind, selectedDbs, startDb } from '../lib/databases';
import { measureLoad, LoadResult } from '../lib/load';
import { machineInfo, machineMarkdown } from '../lib/machine';
import { envNumber, SMOKE, writeResults } from '../lib/results';
import { connect, insertChunked } from '../lib/seed';
import { residenteDoc, solicitudDoc } from '../lib/seed-data';
import { RunningServer, serverEnv, startParkNet } from '../lib/servers';
import { jsonRequest } from '../sorteo/http-json';

/**
 * Issue 15: API latency while the outbox sends a draw's result e-mails. p99 of
 * GET /solicitudes/:id idle, then while MENSAJES messages (the draw's shape and size) are sent to
 * a real SMTP server (smtp-server, in this process) by the compiled ParkNet with its default
 * sender settings. Target: p99 during the send within 1.5x of idle.
 */

const MENSAJES = envNumber('BENCH_NOTIFICACIONES_MENSAJES', 2000, 200);
const DURACION = envNumber('BENCH_DURATION_SEC', 10, 3);
const CONEXIONES = 10;

interface DbResult {
  db: DbKind;
  reposo: LoadResult;
  envio: LoadResult;
  enviadosDuranteMedicion: number;
  envioTotalMs: number;
  recibidos: number;
  duplicados: number;
}

async function sumidero(): Promise<{ port: number; recibidos: string[]; cerrar: () => void }> {
  const recibidos: string[] = [];
  const port = await puertoLibre();
  const s = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (flujo, _sesion, listo) => {
      let cabeceras = '';
      flujo.on('data', (b: Buffer) => {
        if (cabeceras.length < 4096) cabeceras += b.toString();
      });
      flujo.on('end', () => {
        recibidos.push(/^Message-ID:\s*(\S+)/im.exec(cabeceras)?.[1] ?? '');
        listo();
      });
    },
  });
  await new Promise<void>((ok) => s.listen(port, '127.0.0.1', () => ok()));
  return { port, recibidos, cerrar: () => s.close() };
}

async function medir(kind: DbKind): Promise<DbResult> {
  const bench = await startDb(kind);
  const smtp = await sumidero();
  let server: RunningServer | undefined;
  const { client, db } = await connect(bench.uri, bench.dbName);
  try {
    const now = new Date();
    const residente = residenteDoc(1, now);
    const solicitud = solicitudDoc(residente, 'carro', 1, new ObjectId(), now);
    await insertChunked(db, 'residentes', [residente]);
    await insertChunked(db, 'solicitudes', [solicitud]);
    const env = serverEnv(bench, 10);
    env.extra = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
    server = await startParkNet(env);
    const login = await jsonRequest(server.url, 'POST', '/auth/login', null, {
      email: env.adminEmail,
      password: env.adminPassword,
    });
    if (login.status !== 200) throw new Error(`admin login answered ${login.status}`);
    const token = (login.body as { accessToken: string }).accessToken;
    const spec = {
      url: server.url,
      connections: CONEXIONES,
      durationSec: DURACION,
      warmupSec: 2,
      requests: () => [
        {
          method: 'GET' as const,
          path: `/solicitudes/${solicitud._id.toHexString()}`,
          headers: { authorization: `Bearer ${token}` },
        },
      ],
    };
    const reposo = await measureLoad(spec);
    console.log(`[${kind}] idle p99 ${reposo.p99Ms} ms, ${reposo.rps} req/s`);

    // What the draw's enqueuing writes: one message per participant, in one lot.
    const ahora = new Date();
    const docs = Array.from({ length: MENSAJES }, (_, i) => {
      const m = plantillas.resultadoSorteo({
        nombre: `Residente Bench ${i}`,
        sorteo: 'Sorteo bench',
        placa: `ABC${String(i % 1000).padStart(3, '0')}`,
        parqueadero: i % 3 === 0 ? `S-${i}` : null,
        posicionEspera: i % 3 === 0 ? null : i,
      });
      return {
        _id: `sorteo:bench:resultado:${i}`,
        tipo: 'resultado_sorteo',
        destinatario: `residente${i}@bench.parknet.co`,
        asunto: m.asunto,
        texto: m.texto,
        html: m.html,
        confidencial: false,
        estado: 'pendiente',
        intentos: 0,
        proximoIntento: ahora,
        venceEn: new Date(ahora.getTime() + 86_400_000),
        creadaEn: ahora,
        enviadaEn: null,
        ultimoError: null,
      };
    });
    const t0 = Date.now();
    // As NotificacionesService.encolarVarias writes them: the record, then the senders' queue entry.
    await db.collection<{ _id: string }>('notificaciones').insertMany(docs, { ordered: false });
    await db.collection<{ _id: string }>('notificaciones_cola').insertMany(
      docs.map(({ _id, destinatario, asunto, texto, html, intentos, proximoIntento, venceEn }) => ({
        _id,
        destinatario,
        asunto,
        texto,
        html,
        intentos,
        proximoIntento,
        venceEn,
      })),
      { ordered: false },
    );
    const envio = await measureLoad({ ...spec, warmupSec: 0 });
    const enviadosDuranteMedicion = smtp.recibidos.length;
    console.log(
      `[${kind}] sending p99 ${envio.p99Ms} ms, ${envio.rps} req/s; ${enviadosDuranteMedicion} sent meanwhile`,
    );
    while (smtp.recibidos.length < MENSAJES) {
      if (Date.now() - t0 > 600_000) throw new Error(`only ${smtp.recibidos.length} sent`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const envioTotalMs = Date.now() - t0;
    const recibidos = smtp.recibidos.length;
    const duplicados = recibidos - new Set(smtp.recibidos).size;
    console.log(`[${kind}] ${recibidos} sent in ${envioTotalMs} ms, ${duplicados} duplicates`);
    return {
      db: kind,
      reposo,
      envio,
      enviadosDuranteMedicion,
      envioTotalMs,
      recibidos,
      duplicados,
    };
  } finally {
    await client.close();
    await server?.stop();
    smtp.cerrar();
    await bench.stop();
  }
}

function markdown(machine: ReturnType<typeof machineInfo>, results: DbResult[]): string {
  const filas = results.map((r) => {
    const ratio = (r.envio.p99Ms / Math.max(1, r.reposo.p99Ms)).toFixed(2);
    return (
      `| ${r.db} | ${r.reposo.p99Ms} | ${r.envio.p99Ms} | ${ratio}x | ${r.reposo.rps} / ${r.envio.rps} ` +
      `| ${r.enviadosDuranteMedicion} | ${(r.envioTotalMs / 1000).toFixed(1)} s | ${r.recibidos} / ${r.duplicados} |`
    );
  });
  return [
    `# Notificaciones: GET /solicitudes/:id while ${MENSAJES} result e-mails are sent`,
    '',
    machineMarkdown(machine),
    '',
    `${CONEXIONES} connections, ${DURACION} s per run; default sender (20 per batch, 4 at a time).`,
    '',
    '| database | p99 idle (ms) | p99 sending (ms) | ratio | req/s idle / sending | sent during the run | all sent in | received / duplicates |',
    '|---|---|---|---|---|---|---|---|',
    ...filas,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const results: DbResult[] = [];
  for (const kind of selectedDbs()) results.push(await medir(kind));
  const files = writeResults('notificaciones', SMOKE, markdown(machine, results), results);
  console.log(`results: ${files.md}`);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
