import { registerAs } from '@nestjs/config';
import { ConfiguracionInvalidaError, entero, texto } from './env-parsers';

export const databaseConfig = registerAs('database', () => {
  const env = process.env;
  const uri = texto(env, 'MONGODB_URI');
  if (uri !== undefined && !/^mongodb(\+srv)?:\/\//.test(uri)) {
    throw new ConfiguracionInvalidaError(
      'MONGODB_URI',
      'debe empezar por mongodb:// o mongodb+srv://.',
    );
  }
  return {
    /** Undefined means "start the embedded default"; main.ts fills it in before the app boots. */
    uri,
    dbName: texto(env, 'MONGODB_DB', 'parknet') as string,
    /** Bounds every wait on an unreachable server, so requests answer 503 instead of hanging. */
    serverSelectionTimeoutMs: entero(env, 'MONGODB_TIMEOUT_MS', 3000, 500, 60000),
    /**
     * The driver's client-side limit (CSOT `timeoutMS`) on every operation, reads and writes alike:
     * a server that accepts connections but stalls gets a 503 within this, not a hung request.
     */
    operacionTimeoutMs: entero(env, 'MONGODB_OPERACION_TIMEOUT_MS', 4000, 500, 60000),
    /**
     * The same limit for each bulk command of a draw or an annulment (and each batch of the cursors
     * they walk), which legitimately runs for tens of seconds at 100,000 solicitudes on FerretDB.
     */
    masivoTimeoutMs: entero(env, 'SORTEO_OPERACION_TIMEOUT_MS', 180_000, 1000, 3_600_000),
    /**
     * The limit of the admins' lists of solicitudes and residents: one scan of a collection that
     * grows with the complex's history (about 4 s at 20,000 solicitudes on FerretDB-SQLite).
     */
    listaTimeoutMs: entero(env, 'MONGODB_LISTA_TIMEOUT_MS', 30_000, 500, 600_000),
    dataDir: texto(env, 'DATA_DIR', './data') as string,
    ferretdbBin: texto(env, 'FERRETDB_BIN'),
  };
});
