/**
 * The floor of a draw: what any implementation must do at least, with the driver alone. Reads the
 * approved solicitudes and the residents with a cursor and a projection, runs the same pure core
 * (so the comparison is about I/O, not arithmetic), then writes N result documents and changes
 * the N solicitudes with unordered bulk writes. Run as a child process (its peak RSS is read from
 * /proc); prints one JSON line with its phase times.
 *
 * FLOOR_MODE=updates: N `updateOne` by `_id` (the floor; the right plan on MongoDB).
 * FLOOR_MODE=replace: per batch of 20,000, one `deleteMany` of exactly those ids and one
 * `insertMany` of their next versions, which is what FerretDB can do in one scan per batch.
 */
import { randomBytes } from 'node:crypto';
import { AnyBulkWriteOperation, Document, MongoClient, ObjectId } from 'mongodb';
import { calcularAniosResidencia, esAdultoMayor } from 'src/modules/sorteo/core/atributos';
import { ejecutarSorteo } from 'src/modules/sorteo/core/ejecutar-sorteo';
import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import type { ParticipanteEntrada } from 'src/modules/sorteo/core/tipos';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import { filtroPorTramos, ordenarIds } from 'src/shared/repository/filtro-por-tramos';
import { spots } from '../lib/seed-sorteo';

const CONFIG = CONFIG_PRIORIDAD_POR_DEFECTO;
const BULK = 1000;
/**
 * Updates per bulk command. FerretDB 1.24 keeps each update's read cursor open until the whole
 * command ends, and its pools hold 100 connections (SQLite) or 50 (PostgreSQL): a command with
 * about that many updates waits forever for a connection (seen here: bulks of 1,000 on SQLite and
 * of 50 on PostgreSQL never returned).
 */
const UPDATE_BULK = 20;
const REPLACE_BATCH = 20_000;

async function main(): Promise<void> {
  const mode = process.env.FLOOR_MODE === 'replace' ? 'replace' : 'updates';
  const spotCount = Number(process.env.FLOOR_SPOTS);
  const client = await MongoClient.connect(String(process.env.MONGODB_URI));
  const db = client.db(process.env.MONGODB_DB);
  const t0 = Date.now();
  const now = new Date();

  /** The fields read, as seed-data.ts writes them. */
  interface Residente {
    discapacidad: boolean;
    fechaNacimiento: string | null;
    fechaIngreso: string | null;
    alDia: boolean;
  }
  interface Aprobada extends Document {
    _id: ObjectId;
    residenteId: ObjectId;
    vehiculo: { tipo: TipoVehiculo };
    version: number;
    historial: unknown[];
  }
  const residentes = new Map<string, Residente>();
  for await (const r of db
    .collection('residentes')
    .find({}, { projection: { discapacidad: 1, fechaNacimiento: 1, fechaIngreso: 1, alDia: 1 } })
    .batchSize(2000))
    residentes.set(String(r._id), r as unknown as Residente);
  const docs: Aprobada[] = [];
  for await (const s of db.collection('solicitudes').find({ estado: 'aprobada' }).batchSize(2000))
    docs.push(s as Aprobada);
  const tRead = Date.now();

  const entradas: ParticipanteEntrada[] = [];
  for (const s of docs) {
    const r = residentes.get(String(s.residenteId));
    if (!r || !r.alDia) continue;
    entradas.push({
      solicitudId: String(s._id),
      tipoVehiculo: s.vehiculo.tipo,
      discapacidad: r.discapacidad,
      adultoMayor: esAdultoMayor(r.fechaNacimiento, now, CONFIG.edadAdultoMayor),
      sinAsignacionPrevia: false,
      aniosResidencia: calcularAniosResidencia(r.fechaIngreso, now),
    });
  }
  const result = ejecutarSorteo({
    semilla: randomBytes(32).toString('hex'),
    participantes: entradas,
    parqueaderos: spots(spotCount).map((s) => ({ ...s, discapacidad: s.discapacidad ?? false })),
    config: CONFIG,
  });
  const tCompute = Date.now();

  const sorteoId = new ObjectId();
  const outcome = new Map(result.participantes.map((p) => [p.solicitudId, p]));
  const resultados = result.participantes.map((p) => ({ sorteoId, ...p }));
  for (let i = 0; i < resultados.length; i += BULK)
    await db
      .collection('floor_resultados')
      .insertMany(resultados.slice(i, i + BULK), { ordered: false });
  const tResults = Date.now();

  const next = (s: Aprobada) => {
    const p = outcome.get(String(s._id));
    const estado = p ? p.resultado : 'no_asignada';
    const entrada = { estado, fecha: now, usuarioId: null, motivo: null };
    return {
      cambios: {
        estado,
        sorteoId,
        parqueadero: p?.parqueadero ?? null,
        posicionEspera: p?.posicionEspera ?? null,
        version: s.version + 1,
        updatedAt: now,
      },
      entrada,
      doc: { ...s, ...{ historial: [...s.historial, entrada] } },
    };
  };
  const col = db.collection('solicitudes');
  if (mode === 'updates') {
    for (let i = 0; i < docs.length; i += UPDATE_BULK) {
      const ops: AnyBulkWriteOperation[] = docs.slice(i, i + UPDATE_BULK).map((s) => {
        const n = next(s);
        const historial: Document = { historial: n.entrada };
        return {
          updateOne: { filter: { _id: s._id }, update: { $set: n.cambios, $push: historial } },
        };
      });
      await col.bulkWrite(ops, { ordered: false });
    }
  } else {
    const sorted = [...docs].sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
    for (let i = 0; i < sorted.length; i += REPLACE_BATCH) {
      const batch = sorted.slice(i, i + REPLACE_BATCH);
      await col.deleteMany(filtroPorTramos(ordenarIds(batch.map((s) => s._id))));
      for (let j = 0; j < batch.length; j += BULK)
        await col.insertMany(
          batch.slice(j, j + BULK).map((d) => {
            const n = next(d);
            return { ...n.doc, ...n.cambios };
          }),
          { ordered: false },
        );
    }
  }
  const tEnd = Date.now();
  await client.close();
  console.log(
    JSON.stringify({
      mode,
      participants: docs.length,
      ms: {
        read: tRead - t0,
        compute: tCompute - tRead,
        results: tResults - tCompute,
        solicitudes: tEnd - tResults,
        total: tEnd - t0,
      },
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
