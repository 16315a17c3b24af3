import { stringify } from 'csv-stringify';
import { Readable, pipeline } from 'node:stream';
import type { ParticipanteDto } from '../dto/resultado-sorteo.dto';
import type { ParticipanteGuardado } from '../resultado.entity';
import { aParticipanteDto, type Espectador } from '../resultado.mapper';

type Celda = string | number | boolean | null | undefined;

interface ColumnaCsv {
  nombre: string;
  valor: (p: ParticipanteDto) => Celda;
}

/** The JSON participant's fields, flattened; a field the caller may not see stays empty. */
const COLUMNAS: readonly ColumnaCsv[] = [
  { nombre: 'solicitudId', valor: (p) => p.solicitudId },
  { nombre: 'torre', valor: (p) => p.unidad.torre },
  { nombre: 'apartamento', valor: (p) => p.unidad.apartamento },
  { nombre: 'residenteId', valor: (p) => p.residente?.id },
  { nombre: 'residenteNombre', valor: (p) => p.residente?.nombre },
  { nombre: 'placa', valor: (p) => p.placa },
  { nombre: 'tipoVehiculo', valor: (p) => p.tipoVehiculo },
  { nombre: 'discapacidad', valor: (p) => p.discapacidad },
  { nombre: 'adultoMayor', valor: (p) => p.adultoMayor },
  { nombre: 'sinAsignacionPrevia', valor: (p) => p.sinAsignacionPrevia },
  { nombre: 'aniosResidencia', valor: (p) => p.aniosResidencia },
  { nombre: 'peso', valor: (p) => p.peso },
  { nombre: 'numeroAleatorio', valor: (p) => p.numeroAleatorio },
  { nombre: 'clave', valor: (p) => p.clave },
  { nombre: 'etapa', valor: (p) => p.etapa },
  { nombre: 'posicion', valor: (p) => p.posicion },
  { nombre: 'resultado', valor: (p) => p.resultado },
  { nombre: 'parqueadero', valor: (p) => p.parqueadero },
  { nombre: 'posicionEspera', valor: (p) => p.posicionEspera },
];

/** Only admins (and the revisor) ever see who a participant is: residents' files lack the columns. */
const SOLO_ADMIN = new Set(['residenteId', 'residenteNombre']);

/**
 * Every participant as `GET .../participantes` gives them to this caller (the same mapper, the
 * same order), one CSV row each: UTF-8 with a BOM so that Excel reads the accents, a header row,
 * CRLF line ends (RFC 4180), quoting by csv-stringify. Rows are mapped as the reader takes them.
 */
export function participantesCsv(
  participantes: readonly ParticipanteGuardado[],
  e: Espectador,
): Readable {
  const columnas = COLUMNAS.filter((c) => e.rol === 'admin' || !SOLO_ADMIN.has(c.nombre));
  const salida = stringify({
    bom: true,
    header: true,
    columns: columnas.map((c) => c.nombre),
    record_delimiter: 'windows',
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
  const filas = Readable.from(registros(participantes, e, columnas));
  // On an error or a reader that went away, pipeline destroys both ends.
  pipeline(filas, salida, () => undefined);
  return salida;
}

function* registros(
  participantes: readonly ParticipanteGuardado[],
  e: Espectador,
  columnas: readonly ColumnaCsv[],
): Generator<Celda[]> {
  for (const p of participantes) {
    const dto = aParticipanteDto(p, e);
    yield columnas.map((c) => c.valor(dto) ?? null);
  }
}
