import {
  buscarFerretDb,
  iniciarFerretDb,
  ProcesoFerretDb,
} from 'src/core/database/ferretdb-process';
import { puertoLibre } from 'src/core/database/free-port';
import { crearBasePostgresTemporal } from './postgresql';

/** A database server of a test file's own, which can be stopped and started again on the same port and data. */
export interface BaseDetenible {
  uri: string;
  caer(): Promise<void>;
  levantar(): Promise<void>;
  /** SIGSTOP: the process keeps its connections open and answers nothing (a stalled server). */
  congelar(): void;
  descongelar(): void;
  cerrar(): Promise<void>;
}

export async function baseDetenible(dir: string): Promise<BaseDetenible> {
  const bin = buscarFerretDb(process.env.FERRETDB_BIN);
  if (bin) {
    const port = await puertoLibre();
    // On the PostgreSQL run its data lives in a PostgreSQL database of its own, like the suite's.
    const pg =
      process.env.PARKNET_TEST_BACKEND === 'postgresql'
        ? await crearBasePostgresTemporal()
        : undefined;
    let fdb: ProcesoFerretDb | undefined = await iniciarFerretDb(bin, dir, port, pg?.url);
    return {
      uri: fdb.uri,
      congelar: () => process.kill(fdb!.pid, 'SIGSTOP'),
      descongelar: () => {
        if (fdb) process.kill(fdb.pid, 'SIGCONT');
      },
      caer: async () => {
        // A crash, not a shutdown: the process gets no chance to say goodbye to its clients.
        process.kill(fdb!.pid, 'SIGKILL');
        await fdb!.detener();
        fdb = undefined;
      },
      levantar: async () => {
        fdb = await iniciarFerretDb(bin, dir, port, pg?.url);
      },
      cerrar: async () => {
        await fdb?.detener();
        await pg?.borrar();
      },
    };
  }
  // Without FerretDB the run uses mongodb-memory-server; it can restart on its port and dbPath too.
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const mongod = await MongoMemoryServer.create({
    instance: { dbPath: dir, storageEngine: 'wiredTiger' },
  });
  const pid = (): number => mongod.instanceInfo?.instance.mongodProcess?.pid ?? -1;
  return {
    uri: mongod.getUri(),
    congelar: () => process.kill(pid(), 'SIGSTOP'),
    descongelar: () => {
      if (pid() > 0) process.kill(pid(), 'SIGCONT');
    },
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
