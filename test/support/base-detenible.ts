import {
  buscarFerretDb,
  iniciarFerretDb,
  ProcesoFerretDb,
} from 'src/core/database/ferretdb-process';
import { puertoLibre } from 'src/core/database/free-port';

/**
 * A database server of a test file's own, which can crash and start again on the same port and
 * data (the same helper test/health.e2e-spec.ts defines for itself).
 */
export interface BaseDetenible {
  uri: string;
  caer(): Promise<void>;
  levantar(): Promise<void>;
  cerrar(): Promise<void>;
}

export async function baseDetenible(dir: string): Promise<BaseDetenible> {
  const bin = buscarFerretDb(process.env.FERRETDB_BIN);
  if (bin) {
    const port = await puertoLibre();
    let fdb: ProcesoFerretDb | undefined = await iniciarFerretDb(bin, dir, port);
    return {
      uri: fdb.uri,
      caer: async () => {
        // A crash, not a shutdown: the process gets no chance to say goodbye to its clients.
        process.kill(fdb!.pid, 'SIGKILL');
        await fdb!.detener();
        fdb = undefined;
      },
      levantar: async () => {
        fdb = await iniciarFerretDb(bin, dir, port);
      },
      cerrar: async () => {
        await fdb?.detener();
      },
    };
  }
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const mongod = await MongoMemoryServer.create({
    instance: { dbPath: dir, storageEngine: 'wiredTiger' },
  });
  return {
    uri: mongod.getUri(),
    caer: async () => {
      await mongod.stop({ doCleanup: false, force: true });
    },
    levantar: async () => {
      await mongod.start(true);
    },
    cerrar: async () => {
      await mongod.stop({ doCleanup: false });
    },
  };
}
