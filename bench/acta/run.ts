import { selectedDbs, type DbKind } from '../lib/databases';
import { machineInfo, machineMarkdown } from '../lib/machine';
import { envNumber, SMOKE, writeResults } from '../lib/results';
import { seeded, spots } from '../lib/seed-sorteo';
import { RunningServer, serverEnv, startParkNet } from '../lib/servers';
import { jsonRequest } from '../sorteo/http-json';
import { rssMb } from '../lib/child';
import { descargar, type Descarga } from './descarga';

/**
 * The acta of a draw (issue 16): N approved solicitudes, one draw over them, then on a fresh
 * server process (so its peak RSS is the downloads' and not the draw's) the acta twice, with
 * If-None-Match, and the participants' CSV. On the compiled ParkNet with `npm start`'s flags.
 */

const N = envNumber('BENCH_ACTA_PARTICIPANTES', 10_000, 1000);

interface Medida {
  nombre: string;
  d: Descarga;
  /** The server's peak RSS (VmHWM) after this download. */
  picoMb: number | null;
}

interface Resultado {
  db: DbKind;
  version: string;
  participantes: number;
  sorteoMs: number;
  reposoMb: number | null;
  picoArranqueMb: number | null;
  medidas: Medida[];
  mismosBytes: boolean;
}

async function loginAdmin(url: string, email: string, password: string): Promise<string> {
  for (let i = 0; ; i++) {
    const r = await jsonRequest(url, 'POST', '/auth/login', null, { email, password });
    if (r.status === 200) return (r.body as { accessToken: string }).accessToken;
    if (i >= 30) throw new Error(`admin login answered ${r.status}`);
    await new Promise((res) => setTimeout(res, 2000));
  }
}

async function medir(kind: DbKind): Promise<Resultado> {
  // One resident in ten is in arrears (seed-data.ts) and excluded: seed enough for N participants.
  const { db } = await seeded(kind, Math.round(N / 0.9));
  let server: RunningServer | null = null;
  try {
    const env = serverEnv(db, 10);
    server = await startParkNet(env);
    let token = await loginAdmin(server.url, env.adminEmail, env.adminPassword);
    const t0 = Date.now();
    const r = await jsonRequest(server.url, 'POST', '/sorteo/ejecutar', token, {
      nombre: 'Sorteo del acta',
      parqueaderos: spots(Math.ceil(N / 3)),
    });
    if (r.status !== 201) throw new Error(`the draw answered ${r.status}`);
    const sorteoMs = Date.now() - t0;
    const { id, resumen } = r.body as { id: string; resumen: { participantes: number } };
    console.log(`[${kind}] draw of ${resumen.participantes} in ${sorteoMs} ms`);
    await server.stop();
    server = await startParkNet(env);
    token = await loginAdmin(server.url, env.adminEmail, env.adminPassword);
    const s = server;
    const reposoMb = rssMb(s.pid);
    const picoArranqueMb = s.peakRssMb();
    const medidas: Medida[] = [];
    const paso = async (nombre: string, ruta: string, etag?: string): Promise<Descarga> => {
      const d = await descargar(s.url, ruta, token, etag);
      medidas.push({ nombre, d, picoMb: s.peakRssMb() });
      console.log(`  ${nombre}: ${JSON.stringify(d)} peak ${s.peakRssMb()} MB`);
      return d;
    };
    const acta = `/sorteo/resultados/${id}/acta.pdf`;
    const a = await paso('acta.pdf, first', acta);
    const b = await paso('acta.pdf, again', acta);
    await paso('acta.pdf, If-None-Match (304)', acta, a.etag ?? undefined);
    await paso('participantes.csv', `/sorteo/resultados/${id}/participantes.csv`);
    return {
      db: kind,
      version: db.version,
      participantes: resumen.participantes,
      sorteoMs,
      reposoMb,
      picoArranqueMb,
      medidas,
      mismosBytes: a.sha256 === b.sha256,
    };
  } finally {
    await server?.stop();
    await db.stop();
  }
}

function markdown(machine: ReturnType<typeof machineInfo>, resultados: Resultado[]): string {
  const lineas = [
    `# The acta of a ${N}-participant draw${SMOKE ? ' (smoke)' : ''}`,
    '',
    machineMarkdown(machine),
    '',
  ];
  for (const r of resultados) {
    lineas.push(
      `## ${r.db} (${r.version})`,
      '',
      `${r.participantes} participants; the draw took ${r.sorteoMs} ms. Fresh server: ${r.reposoMb} MB ` +
        `RSS at rest, ${r.picoArranqueMb} MB peak so far. Two actas identical: ${r.mismosBytes ? 'yes' : 'NO'}.`,
      '',
      '| request | status | first byte | total | size | lines (CSV) | server peak RSS after |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...r.medidas.map(
        (m) =>
          `| ${m.nombre} | ${m.d.status} | ${m.d.primerByteMs.toFixed(0)} ms | ${m.d.totalMs.toFixed(0)} ms | ` +
          `${(m.d.bytes / 1024).toFixed(0)} KB | ${m.nombre.includes('csv') ? m.d.lineas : '–'} | ${m.picoMb ?? '?'} MB |`,
      ),
      '',
    );
  }
  return lineas.join('\n');
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const resultados: Resultado[] = [];
  for (const kind of selectedDbs()) {
    resultados.push(await medir(kind));
    const files = writeResults('acta', SMOKE, markdown(machine, resultados), {
      machine,
      resultados,
    });
    console.log(`results: ${files.md}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
