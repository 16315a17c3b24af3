import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buscarFerretDb, iniciarFerretDb } from '../../src/core/database/ferretdb-process';
import { crearBasePostgresTemporal } from './postgresql';

declare global {
  var __PARKNET_DB_STOP__: (() => Promise<void>) | undefined;
}

/**
 * One MongoDB-wire server for the whole run: MONGODB_URI when set, else a FerretDB started on a free
 * port with a temporary SQLite folder (or, with PARKNET_TEST_BACKEND=postgresql, a temporary
 * PostgreSQL database: writes run concurrently there, where SQLite serialises them), else
 * mongodb-memory-server. Each test file then works in its own database (test/support/app.ts), so
 * files can run in parallel.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.PARKNET_TEST_DB_ENGINE = 'MONGODB_URI';
    return;
  }
  const bin = buscarFerretDb(process.env.FERRETDB_BIN);
  const backend = process.env.PARKNET_TEST_BACKEND ?? 'sqlite';
  if (backend === 'postgresql') {
    if (!bin) throw new Error('PARKNET_TEST_BACKEND=postgresql necesita FerretDB instalado.');
    const pg = await crearBasePostgresTemporal();
    const dir = mkdtempSync(join(tmpdir(), 'parknet-test-pg-'));
    const fdb = await iniciarFerretDb(bin, dir, undefined, pg.url).catch(async (err: unknown) => {
      await pg.borrar();
      throw err;
    });
    process.env.MONGODB_URI = fdb.uri;
    process.env.PARKNET_TEST_DB_ENGINE = `ferretdb-postgresql (PostgreSQL ${pg.version})`;
    globalThis.__PARKNET_DB_STOP__ = async () => {
      await fdb.detener();
      await pg.borrar();
    };
    return;
  }
  if (backend !== 'sqlite') {
    throw new Error(`PARKNET_TEST_BACKEND debe ser sqlite o postgresql (recibido "${backend}").`);
  }
  if (bin) {
    const fdb = await iniciarFerretDb(bin, mkdtempSync(join(tmpdir(), 'parknet-test-')));
    process.env.MONGODB_URI = fdb.uri;
    process.env.PARKNET_TEST_DB_ENGINE = 'ferretdb';
    globalThis.__PARKNET_DB_STOP__ = fdb.detener;
    return;
  }
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const mongod = await MongoMemoryServer.create();
  process.env.MONGODB_URI = mongod.getUri();
  process.env.PARKNET_TEST_DB_ENGINE = 'mongodb-memory-server';
  globalThis.__PARKNET_DB_STOP__ = async () => {
    await mongod.stop();
  };
}
