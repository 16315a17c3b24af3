import { BenchDb, DbKind, selectedDbs, startDb } from '../lib/databases';
import { machineInfo, machineMarkdown } from '../lib/machine';
import { envNumber, SMOKE, writeResults } from '../lib/results';
import { connect } from '../lib/seed';
import { RunningServer, serverEnv, startParkNet } from '../lib/servers';
import { jsonRequest } from '../sorteo/http-json';

/**
 * CSV import of residents (issue 15, item 3): on a fresh database, one POST /residentes/importar
 * of FILAS rows (two in three with an email, so with a login account), then the same file again
 * (all unchanged), the same file with modo=validar, and a file that changes CAMBIOS of them
 * (each a PATCH). Timed from request to last byte on the compiled ParkNet. Target: 5,000 rows in
 * under 30 s on the embedded database (FerretDB on SQLite).
 */

const FILAS = envNumber('BENCH_IMPORTAR_FILAS', 5_000, 300);
const CAMBIOS = envNumber('BENCH_IMPORTAR_CAMBIOS', 100, 10);

const CABECERA =
  'nombre;documento_tipo;documento_numero;email;telefono;torre;apartamento;tipo;fechaIngreso;fechaNacimiento;discapacidad;alDia';

function archivo(cambiadas: number): string {
  const lineas = Array.from({ length: FILAS }, (_, i) => {
    const email = i % 3 === 2 ? '' : `residente${i}@bench.parknet.co`;
    const telefono = i < cambiadas ? '3109990000' : '';
    const nacimiento = i % 7 === 0 ? '1950-04-02' : '';
    return `Residente Número ${i};CC;${10_000_000 + i};${email};${telefono};T${i % 20};${100 + (i % 400)};${i % 4 === 0 ? 'arrendatario' : 'propietario'};2018-06-01;${nacimiento};${i % 50 === 0 ? 'sí' : 'no'};sí`;
  });
  return `\uFEFF${[CABECERA, ...lineas].join('\r\n')}\r\n`;
}

interface Paso {
  paso: string;
  ms: number;
  /** ParkNet's own phase line ("[ImportacionResidentes] N filas: leer ... escribir ..."). */
  fases: string;
  respuesta: { creados: number; actualizados: number; sinCambios: number; errores: unknown[] };
}

interface DbResult {
  db: DbKind;
  version: string;
  bytes: number;
  pasos: Paso[];
  residentes: number;
  cuentas: number;
}

async function benchDb(kind: DbKind): Promise<DbResult> {
  const bench: BenchDb = await startDb(kind);
  let server: RunningServer | null = null;
  try {
    const env = serverEnv(bench, 10);
    server = await startParkNet(env);
    const login = await jsonRequest(server.url, 'POST', '/auth/login', null, {
      email: env.adminEmail,
      password: env.adminPassword,
    });
    if (login.status !== 200) throw new Error(`admin login answered ${login.status}`);
    const token = (login.body as { accessToken: string }).accessToken;
    const url = server.url;
    const texto = archivo(0);
    const pasos: Paso[] = [];
    const importar = async (paso: string, cuerpo: string, query = ''): Promise<void> => {
      const t0 = process.hrtime.bigint();
      const res = await jsonRequest(
        url,
        'POST',
        `/residentes/importar${query}`,
        token,
        cuerpo,
        'text/csv',
      );
      const ms = Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.status !== 200) throw new Error(`${paso}: ${res.status} ${JSON.stringify(res.body)}`);
      const respuesta = res.body as Paso['respuesta'];
      if (respuesta.errores.length > 0) throw new Error(`${paso}: ${JSON.stringify(respuesta)}`);
      const fases =
        server
          ?.output()
          // eslint-disable-next-line no-control-regex
          .replace(/\x1b\[[0-9;]*m/g, '')
          .split('\n')
          .filter((l) => l.includes('[ImportacionResidentes]'))
          .at(-1)
          ?.replace(/^.*\[ImportacionResidentes\]\s*/, '') ?? '';
      console.log(`  ${paso}: ${ms} ms ${JSON.stringify(respuesta)} (${fases})`);
      pasos.push({ paso, ms, fases, respuesta });
    };
    await importar('first import', texto);
    await importar('same file again', texto);
    await importar('same file, modo=validar', texto, '?modo=validar');
    await importar(`${CAMBIOS} rows changed`, archivo(CAMBIOS));
    const esperado = [
      { creados: FILAS, actualizados: 0, sinCambios: 0 },
      { creados: 0, actualizados: 0, sinCambios: FILAS },
      { creados: 0, actualizados: 0, sinCambios: FILAS },
      { creados: 0, actualizados: CAMBIOS, sinCambios: FILAS - CAMBIOS },
    ];
    pasos.forEach((p, i) => {
      const { creados, actualizados, sinCambios } = p.respuesta;
      if (JSON.stringify({ creados, actualizados, sinCambios }) !== JSON.stringify(esperado[i]))
        throw new Error(`${p.paso}: expected ${JSON.stringify(esperado[i])}`);
    });
    const { client, db } = await connect(bench.uri, bench.dbName);
    const residentes = await db.collection('residentes').countDocuments({});
    const cuentas = await db.collection('usuarios').countDocuments({ rol: 'residente' });
    await client.close();
    if (residentes !== FILAS) throw new Error(`${residentes} residents stored`);
    return {
      db: kind,
      version: bench.version,
      bytes: Buffer.byteLength(texto),
      pasos,
      residentes,
      cuentas,
    };
  } finally {
    await server?.stop();
    await bench.stop();
  }
}

function markdown(machine: ReturnType<typeof machineInfo>, results: DbResult[]): string {
  const filas = results.flatMap((r) =>
    r.pasos.map(
      (p) =>
        `| ${r.db} ${r.version} | ${p.paso} | ${p.respuesta.creados} / ${p.respuesta.actualizados} / ${p.respuesta.sinCambios} | **${p.ms}** | ${p.ms < 30_000 ? 'yes' : 'no'} | ${p.fases} |`,
    ),
  );
  return [
    `# CSV import of residents: POST /residentes/importar${SMOKE ? ' (smoke: not a measurement)' : ''}`,
    '',
    machineMarkdown(machine),
    '',
    `A fresh database; a file of ${FILAS} residents (${results[0]?.bytes ?? 0} bytes, ";", BOM, CRLF; two in three with an email, so with an account), sent as is, again, with modo=validar, and with ${CAMBIOS} rows changed. Time from request to last byte.`,
    '',
    "| database | step | creados / actualizados / sinCambios | time (ms) | under 30 s | ParkNet's phases |",
    '| --- | --- | --- | --- | --- | --- |',
    ...filas,
    '',
    ...results.map(
      (r) => `- ${r.db}: ${r.residentes} residents, ${r.cuentas} resident accounts stored.`,
    ),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const results: DbResult[] = [];
  for (const kind of selectedDbs()) results.push(await benchDb(kind));
  const raw = { machine, filas: FILAS, cambios: CAMBIOS, smoke: SMOKE, results };
  const files = writeResults('importar-residentes', SMOKE, markdown(machine, results), raw);
  console.log(`results: ${files.md}\nraw: ${files.json}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
