import { Logger } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buscarFerretDb, iniciarFerretDb } from './ferretdb-process';

export interface BaseEmbebida {
  uri: string;
  motor: 'ferretdb' | 'mongodb-memory-server';
  detener(): Promise<void>;
}

const logger = new Logger('BaseEmbebida');

/**
 * The database used when MONGODB_URI is not set: FerretDB when it is installed, else a real
 * mongod from mongodb-memory-server (downloaded on first use). Data stays under `dataDir`,
 * so a restart loses nothing.
 */
export async function iniciarBaseEmbebida(
  dataDir: string,
  ferretdbBin?: string,
): Promise<BaseEmbebida> {
  const raiz = resolve(dataDir);
  const bin = buscarFerretDb(ferretdbBin);
  if (bin) {
    const fdb = await iniciarFerretDb(bin, join(raiz, 'ferretdb'));
    logger.log(`FerretDB (${bin}) escuchando en ${fdb.uri}, datos en ${join(raiz, 'ferretdb')}`);
    return { uri: fdb.uri, motor: 'ferretdb', detener: () => fdb.detener() };
  }
  if (ferretdbBin)
    logger.warn(
      `FERRETDB_BIN=${ferretdbBin} no es un ejecutable; se intenta mongodb-memory-server.`,
    );
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const dbPath = join(raiz, 'mongo');
    mkdirSync(dbPath, { recursive: true });
    const mongod = await MongoMemoryServer.create({
      instance: { dbPath, storageEngine: 'wiredTiger' },
    });
    logger.log(`mongodb-memory-server escuchando en ${mongod.getUri()}, datos en ${dbPath}`);
    return {
      uri: mongod.getUri(),
      motor: 'mongodb-memory-server',
      detener: async () => {
        await mongod.stop({ doCleanup: false });
      },
    };
  } catch (err) {
    const causa = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(
      'No hay base de datos: defina MONGODB_URI (MongoDB o Atlas), instale FerretDB con ' +
        '`npm run ferretdb:install` (requiere Go), o permita que mongodb-memory-server descargue mongod. ' +
        `Detalle: ${causa}`,
    );
  }
}
