import { Db, Document, ObjectId } from 'mongodb';
import { Caller } from './auth';
import { intParam, OBJECT_ID, Outcome } from './http-util';

const MAX_PAGE = 100_000;
const MAX_LIMIT = 100;

const VALIDACION: Outcome = { status: 400, body: { statusCode: 400, code: 'VALIDACION' } };
const NO_ENCONTRADO: Outcome = { status: 404, body: { statusCode: 404, code: 'NO_ENCONTRADO' } };
// Filters and the residents' view take other paths in ParkNet; the floor refuses them rather than
// answer something ParkNet would not.
const NO_IMPLEMENTADO: Outcome = {
  status: 501,
  body: { statusCode: 501, code: 'NO_IMPLEMENTADO_EN_EL_PISO' },
};

interface Header {
  _id: ObjectId;
  estado: string;
  tamanoBloque: number;
  resumen: { participantes: number };
}

interface Chunk {
  _id: string;
  items?: unknown;
}

/** resultado.mapper.ts `aParticipanteDto` for an admin: every published field, then the resident. */
function toAdminDto(v: unknown) {
  const p = v as Document;
  const unidad = p.unidad as { torre: string; apartamento: string };
  return {
    solicitudId: p.solicitudId as string,
    unidad: { torre: unidad.torre, apartamento: unidad.apartamento },
    placa: p.placa as string,
    tipoVehiculo: p.tipoVehiculo as string,
    discapacidad: p.discapacidad as boolean,
    adultoMayor: p.adultoMayor as boolean,
    sinAsignacionPrevia: p.sinAsignacionPrevia as boolean,
    aniosResidencia: p.aniosResidencia as number,
    peso: p.peso as number,
    numeroAleatorio: p.numeroAleatorio as number,
    clave: p.clave as number,
    etapa: p.etapa as string,
    posicion: p.posicion as number,
    resultado: p.resultado as string,
    parqueadero: (p.parqueadero as string | null) ?? null,
    posicionEspera: (p.posicionEspera as number | null) ?? null,
    residente: { id: p.residenteId as string, nombre: p.residenteNombre as string },
  };
}

/**
 * ResultadosService.participantes without filters: the header by `_id` (SorteosRepository.cabecera,
 * whole document), then each chunk under the page by `_id` with `{items: 1}`, one after the other
 * (leerBloque). A page of 50 lies inside one chunk of 1,000, so that is two reads per request.
 */
export async function participantes(
  db: Db,
  caller: Caller,
  id: string,
  q: URLSearchParams,
): Promise<Outcome> {
  const page = intParam(q, 'page', 1, MAX_PAGE);
  const limit = intParam(q, 'limit', 20, MAX_LIMIT);
  if (!OBJECT_ID.test(id) || page === null || limit === null) return VALIDACION;
  if (caller.rol !== 'admin' || [...q.keys()].some((k) => k !== 'page' && k !== 'limit'))
    return NO_IMPLEMENTADO;
  const c = await db.collection<Header>('sorteos').findOne({ _id: new ObjectId(id) });
  if (!c || c.estado !== 'completo') return NO_ENCONTRADO;
  const total = c.resumen.participantes;
  const t = c.tamanoBloque;
  const desde = (page - 1) * limit;
  const hasta = desde + limit;
  const chunks = db.collection<Chunk>('sorteo_bloques');
  const data: ReturnType<typeof toAdminDto>[] = [];
  for (let b = Math.floor(desde / t); b * t < Math.min(hasta, total); b++) {
    const d = await chunks.findOne({ _id: `${id}:p:${b}` }, { projection: { items: 1 } });
    if (!d || !Array.isArray(d.items)) throw new Error(`chunk ${id}:p:${b} is missing`);
    // Only the page's items are mapped: ParkNet maps the whole chunk first (see README).
    for (const p of (d.items as unknown[]).slice(Math.max(0, desde - b * t), hasta - b * t))
      data.push(toAdminDto(p));
  }
  return { status: 200, body: { data, meta: { total, page, limit } } };
}
