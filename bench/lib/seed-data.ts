import { createHash, randomBytes } from 'node:crypto';
import { ObjectId } from 'mongodb';

/**
 * Documents in the exact shapes the Mongoose schemas write (src/modules/* /schemas), defaults
 * included, so the servers read what they would read in production.
 */

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function letters(n: number): string {
  return LETTERS[Math.floor(n / 676) % 26] + LETTERS[Math.floor(n / 26) % 26] + LETTERS[n % 26];
}

/** A distinct valid plate per index: carro ABC123 (17.5 M), moto ABC12 (1.7 M). */
export function placa(i: number, tipo: 'carro' | 'moto'): string {
  return tipo === 'carro'
    ? letters(Math.floor(i / 1000)) + String(i % 1000).padStart(3, '0')
    : letters(Math.floor(i / 100)) + String(i % 100).padStart(2, '0');
}

/** A distinct unit per index: towers of 200 apartments. */
export function unidad(i: number): { torre: string; apartamento: string } {
  return { torre: `T${Math.floor(i / 200) + 1}`, apartamento: String(101 + (i % 200)) };
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function residenteDoc(i: number, now: Date) {
  const u = unidad(i);
  const born = new Date(Date.UTC(1940 + (i % 60), i % 12, 1 + (i % 28)));
  const since = new Date(Date.UTC(2000 + (i % 25), (i * 7) % 12, 1 + (i % 28)));
  return {
    _id: new ObjectId(),
    nombre: `Residente Bench ${i}`,
    documento: { tipo: 'CC', numero: String(10_000_000 + i) },
    email: `residente${i}@bench.parknet.co`,
    telefono: `300${String(i).padStart(7, '0')}`,
    torre: u.torre,
    apartamento: u.apartamento,
    tipo: i % 3 === 0 ? 'arrendatario' : 'propietario',
    fechaIngreso: isoDate(since),
    fechaNacimiento: isoDate(born),
    discapacidad: i % 40 === 0,
    alDia: i % 10 !== 0,
    activo: true,
    cuenta: 'activa',
    createdAt: now,
    updatedAt: now,
  };
}

export type ResidenteDoc = ReturnType<typeof residenteDoc>;

export function usuarioDoc(r: ResidenteDoc, passwordHash: string, now: Date) {
  return {
    _id: new ObjectId(),
    email: r.email,
    passwordHash,
    rol: 'residente',
    residenteId: r._id,
    estado: 'activa',
    activacionHash: null,
    activacionExpira: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function sesionDoc(usuarioId: ObjectId, now: Date) {
  return {
    _id: new ObjectId(),
    usuarioId,
    refreshHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
    expiraEn: new Date(now.getTime() + 30 * 86_400_000),
    revocadaEn: null,
    creadaEn: now,
  };
}

const ESTADOS = [
  'pendiente',
  'aprobada',
  'aprobada',
  'rechazada',
  'cancelada',
  'asignada',
  'no_asignada',
] as const;

/** A solicitud somewhere in its life, with the historial its state implies. */
export function solicitudDoc(
  r: ResidenteDoc,
  tipo: 'carro' | 'moto',
  n: number,
  adminId: ObjectId,
  now: Date,
) {
  const estado = ESTADOS[n % ESTADOS.length];
  const created = new Date(now.getTime() - (100_000 - n) * 60_000);
  const historial = [
    { estado: 'pendiente', fecha: created, usuarioId: r._id, motivo: null as string | null },
  ];
  if (estado !== 'pendiente') {
    const motivo = estado === 'rechazada' ? 'Documentos del vehículo incompletos.' : null;
    historial.push({
      estado,
      fecha: new Date(created.getTime() + 3_600_000),
      usuarioId: adminId,
      motivo,
    });
  }
  return {
    _id: ObjectId.createFromTime(Math.floor(created.getTime() / 1000)),
    residenteId: r._id,
    unidad: { torre: r.torre, apartamento: r.apartamento },
    vehiculo: { placa: placa(n, tipo), tipo },
    observaciones: n % 5 === 0 ? 'Parqueo en la noche' : null,
    estado,
    motivo: historial[historial.length - 1].motivo,
    sorteoId: null,
    parqueadero: null,
    posicionEspera: null,
    version: historial.length - 1,
    historial,
    createdAt: created,
    updatedAt: historial[historial.length - 1].fecha,
  };
}

export type SolicitudDoc = ReturnType<typeof solicitudDoc>;

/** The open-request claims (reclamos) an open solicitud holds, as ReclamosRepository writes them. */
export function reclamoDocs(s: SolicitudDoc, now: Date) {
  if (s.estado !== 'pendiente' && s.estado !== 'aprobada') return [];
  const dueno = s._id.toHexString();
  return [
    {
      _id: `solicitud:unidad:${s.unidad.torre}:${s.unidad.apartamento}:${s.vehiculo.tipo}`,
      dueno,
      creadoEn: now,
    },
    { _id: `solicitud:placa:${s.vehiculo.placa}`, dueno, creadoEn: now },
  ];
}
