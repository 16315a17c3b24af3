import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buscarFerretDb, iniciarFerretDb } from '../../src/core/database/ferretdb-process';

declare global {
  var __PARKNET_DB_STOP__: (() => Promise<void>) | undefined;
}

/**
 * One MongoDB-wire server for the whole run: MONGODB_URI when set, else a FerretDB started on a free
 * port with a temporary SQLite folder, else mongodb-memory-server. Each test file then works in
 * its own database (test/support/app.ts), so files can run in parallel.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.PARKNET_TEST_DB_ENGINE = 'MONGODB_URI';
    return;
  }
  const bin = buscarFerretDb(process.env.FERRETDB_BIN);
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
