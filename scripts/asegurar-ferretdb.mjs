#!/usr/bin/env node
// Runs before `npm start` and `npm test` so that a fresh clone needs no separate FerretDB step:
// when the embedded database would be used and FerretDB is missing, it is built once with Go.
// It never blocks the start: without Go, or if the build fails, the app falls back to
// mongodb-memory-server on its own (src/core/database/embedded-database.ts), so this exits 0.
//
//   node scripts/asegurar-ferretdb.mjs [--leer-env]
//
// --leer-env also reads ./.env as src/main.ts does (the environment wins), so a MONGODB_URI or
// FERRETDB_BIN kept there is honoured; the e2e tests ignore .env, so `pretest` leaves it out.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RAIZ = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const INSTALADOR = join(RAIZ, 'scripts', 'install-ferretdb.sh');
// Same folders the install script looks in: the official tarball and Debian's golang package
// install Go there without always putting it on PATH.
const GO_CONOCIDOS = ['/usr/local/go/bin', '/usr/lib/go/bin'];

function ejecutable(ruta) {
  try {
    accessSync(ruta, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const enPath = (nombre) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((d) => join(d, nombre));

// Mirrors buscarFerretDb (src/core/database/ferretdb-process.ts) minus FERRETDB_BIN, handled apart.
function ferretDbInstalado() {
  const candidatos = [
    join(RAIZ, '.cache', 'ferretdb', 'bin', 'ferretdb'),
    join(process.cwd(), '.cache', 'ferretdb', 'bin', 'ferretdb'),
    ...enPath('ferretdb'),
  ];
  return candidatos.find(ejecutable);
}

function buscarGo() {
  return [...enPath('go'), ...GO_CONOCIDOS.map((d) => join(d, 'go'))].find(ejecutable);
}

if (process.argv.includes('--leer-env') && existsSync('.env')) {
  try {
    process.loadEnvFile('.env');
  } catch {
    // A broken .env is reported by the app itself with a precise message; not our concern here.
  }
}

// An external database, or a FerretDB the user chose: nothing to build. A wrong FERRETDB_BIN is
// reported by the app, which then falls back to mongodb-memory-server.
if (process.env.MONGODB_URI || process.env.FERRETDB_BIN) process.exit(0);

/**
 * The project's own build carries the patch install-ferretdb.sh applies (its `PARCHE`, written
 * beside the binary): a build from before the patch is rebuilt when Go is here, used as it is
 * when not (it is correct, only slower on SQLite).
 */
function parcheAlDia() {
  const bin = join(RAIZ, '.cache', 'ferretdb', 'bin', 'ferretdb');
  if (!ejecutable(bin)) return true;
  const esperado = /^PARCHE="([^"]+)"/m.exec(readFileSync(INSTALADOR, 'utf8'))?.[1];
  const marca = existsSync(`${bin}.parche`) ? readFileSync(`${bin}.parche`, 'utf8').trim() : '';
  return marca === esperado;
}

const instalado = ferretDbInstalado();
const go = buscarGo();
if (instalado && (parcheAlDia() || !go)) process.exit(0);
if (!go) {
  console.log(
    'FerretDB no está instalado y no se encontró Go: se usará mongodb-memory-server ' +
      '(descarga mongod la primera vez). Para usar FerretDB, instale Go 1.22+ y ejecute ' +
      '`npm run ferretdb:install`.',
  );
  process.exit(0);
}

console.log(
  instalado
    ? `FerretDB se compila de nuevo con Go (${go}) para aplicarle el parche del índice de _id ` +
        '(docs/ferretdb.md); tarda unos minutos, una sola vez.'
    : `FerretDB no está instalado: se compila una vez con Go (${go}), tarda unos minutos; ` +
        'las próximas veces no se repite.',
);
const r = spawnSync('bash', [INSTALADOR], {
  cwd: RAIZ,
  stdio: 'inherit',
  env: { ...process.env, PATH: `${dirname(go)}${delimiter}${process.env.PATH ?? ''}` },
});
// Ctrl-C during the build means the user wants to stop, not to carry on without FerretDB.
if (r.signal === 'SIGINT' || r.signal === 'SIGTERM') process.exit(130);
if (r.error || r.status !== 0) {
  const causa = r.error ? r.error.message : `código ${r.status ?? r.signal}`;
  console.warn(
    `No se pudo compilar FerretDB (${causa}): se usará mongodb-memory-server. ` +
      'Para reintentar: `npm run ferretdb:install`.',
  );
}
process.exit(0);
