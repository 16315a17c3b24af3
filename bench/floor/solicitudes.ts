import { Db, Document, Filter, ObjectId } from 'mongodb';
import { Caller } from './auth';
import { intParam, Outcome } from './http-util';

const hex = (v: unknown): string | null => (v instanceof ObjectId ? v.toHexString() : null);

/** The response shape of src/modules/solicitudes/solicitud.mapper.ts, field for field. */
function toDto(d: Document) {
  const historial = (d.historial ?? []) as Document[];
  const unidad = d.unidad as { torre: string; apartamento: string };
  const vehiculo = d.vehiculo as { placa: string; tipo: string };
  return {
    id: (d._id as ObjectId).toHexString(),
    residenteId: (d.residenteId as ObjectId).toHexString(),
    unidad: { torre: unidad.torre, apartamento: unidad.apartamento },
    vehiculo: { placa: vehiculo.placa, tipo: vehiculo.tipo },
    observaciones: (d.observaciones as string | null) ?? null,
    estado: d.estado as string,
    motivo: (d.motivo as string | null) ?? null,
    sorteoId: hex(d.sorteoId),
    parqueadero: (d.parqueadero as string | null) ?? null,
    posicionEspera: (d.posicionEspera as number | null) ?? null,
    historial: historial.map((h) => ({
      estado: h.estado as string,
      fecha: (h.fecha as Date).toISOString(),
      usuarioId: hex(h.usuarioId),
      motivo: (h.motivo as string | null) ?? null,
    })),
    createdAt: (d.createdAt as Date).toISOString(),
    updatedAt: (d.updatedAt as Date).toISOString(),
  };
}

/** BaseRepository.paginar: the page sorted by `_id` descending and the total, in parallel. */
export async function list(db: Db, caller: Caller, q: URLSearchParams): Promise<Outcome> {
  const page = intParam(q, 'page', 1, Number.MAX_SAFE_INTEGER);
  const limit = intParam(q, 'limit', 20, 100);
  if (page === null || limit === null)
    return { status: 400, body: { statusCode: 400, code: 'VALIDACION' } };
  const filter: Filter<Document> = {};
  if (caller.rol === 'residente')
    filter.residenteId = new ObjectId(caller.residenteId ?? '000000000000000000000000');
  const coll = db.collection('solicitudes');
  const [docs, total] = await Promise.all([
    coll
      .find(filter)
      .sort({ _id: -1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .toArray(),
    coll.countDocuments(filter),
  ]);
  return { status: 200, body: { data: docs.map(toDto), meta: { total, page, limit } } };
}

const PLATE = { carro: /^[A-Z]{3}[0-9]{3}$/, moto: /^[A-Z]{3}[0-9]{2}[A-Z]?$/ };

function isDuplicate(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/**
 * SolicitudesService.crear for a resident: read the resident, claim unit and plate (two inserts,
 * one after the other, as ReclamosRepository.reclamarTodas does), insert the solicitud.
 */
export async function create(db: Db, caller: Caller, body: unknown): Promise<Outcome> {
  const b = body as {
    vehiculo?: { placa?: unknown; tipo?: unknown };
    observaciones?: unknown;
  } | null;
  const tipo = b?.vehiculo?.tipo;
  const raw = b?.vehiculo?.placa;
  if (
    (tipo !== 'carro' && tipo !== 'moto') ||
    typeof raw !== 'string' ||
    caller.rol !== 'residente' ||
    !caller.residenteId
  ) {
    return { status: 400, body: { statusCode: 400, code: 'VALIDACION' } };
  }
  const placa = raw.toUpperCase().replace(/[\s-]+/g, '');
  if (!PLATE[tipo].test(placa))
    return { status: 400, body: { statusCode: 400, code: 'VALIDACION' } };
  const residenteId = new ObjectId(caller.residenteId);
  const r = await db.collection('residentes').findOne({ _id: residenteId });
  if (!r) return { status: 404, body: { statusCode: 404, code: 'NO_ENCONTRADO' } };
  if (!r.activo) return { status: 409, body: { statusCode: 409, code: 'RESIDENTE_INACTIVO' } };
  const unidad = { torre: r.torre as string, apartamento: r.apartamento as string };
  const id = new ObjectId();
  const dueno = id.toHexString();
  const claves = [
    `solicitud:unidad:${unidad.torre}:${unidad.apartamento}:${tipo}`,
    `solicitud:placa:${placa}`,
  ];
  const reclamos = db.collection<{ _id: string; dueno: string; creadoEn: Date }>('reclamos');
  for (let k = 0; k < claves.length; k++) {
    try {
      await reclamos.insertOne({ _id: claves[k], dueno, creadoEn: new Date() });
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      if (k > 0) await reclamos.deleteMany({ _id: { $in: claves.slice(0, k) }, dueno });
      const code = k === 0 ? 'SOLICITUD_ABIERTA_EXISTENTE' : 'PLACA_DUPLICADA';
      return { status: 409, body: { statusCode: 409, code } };
    }
  }
  const now = new Date();
  const doc = {
    _id: id,
    residenteId,
    unidad,
    vehiculo: { placa, tipo },
    observaciones: typeof b?.observaciones === 'string' ? b.observaciones.trim() : null,
    estado: 'pendiente',
    motivo: null,
    sorteoId: null,
    parqueadero: null,
    posicionEspera: null,
    version: 0,
    historial: [
      { estado: 'pendiente', fecha: now, usuarioId: new ObjectId(caller.id), motivo: null },
    ],
    createdAt: now,
    updatedAt: now,
  };
  await db.collection('solicitudes').insertOne(doc);
  // ParkNet re-reads the resident after the insert (a baja racing the creation); so does the floor.
  await db.collection('residentes').findOne({ _id: residenteId }, { projection: { activo: 1 } });
  return { status: 201, body: toDto(doc) };
}
