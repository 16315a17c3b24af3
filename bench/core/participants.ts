import type { ParqueaderoEntrada, ParticipanteEntrada } from 'src/modules/sorteo/core/tipos';

/** A small deterministic PRNG (mulberry32): the same population on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const idBytes = Buffer.alloc(12);

/**
 * 24 hex digits made the way ParkNet gets them (ObjectId#toHexString, a Buffer's hex): one flat
 * string. Gluing two strings instead would hand the draw rope strings that real ids never are,
 * and every read of them would flatten a copy.
 */
function objectIdHex(seconds: number, counter: number): string {
  idBytes.writeUInt32BE(seconds, 0);
  idBytes.writeUInt32BE(Math.floor(counter / 2 ** 32), 4);
  idBytes.writeUInt32BE(counter >>> 0, 8);
  return idBytes.toString('hex');
}

/**
 * `n` participants with attributes in realistic proportions: 75 % cars, 3 % with a disability,
 * 18 % older adults, 30 % without a spot last time, 0–25 years of residence (skewed to few).
 * Ids are ObjectId-like: a timestamp, then a counter, all 24 lowercase hex digits.
 */
export function participants(n: number, seed = 42): ParticipanteEntrada[] {
  const rnd = prng(seed);
  const out: ParticipanteEntrada[] = new Array<ParticipanteEntrada>(n);
  for (let i = 0; i < n; i++) {
    out[i] = {
      solicitudId: objectIdHex(0x665f1a00 + Math.floor(i / 1000), i),
      tipoVehiculo: rnd() < 0.75 ? 'carro' : 'moto',
      discapacidad: rnd() < 0.03,
      adultoMayor: rnd() < 0.18,
      sinAsignacionPrevia: rnd() < 0.3,
      aniosResidencia: Math.floor(25 * rnd() * rnd()),
    };
  }
  return out;
}

/** `n` spots: 80 % cars, 5 % of those reserved for people with a disability, the rest motorcycles. */
export function parqueaderos(n: number): ParqueaderoEntrada[] {
  const cars = Math.round(n * 0.8);
  const reserved = Math.max(1, Math.round(cars * 0.05));
  return Array.from({ length: n }, (_, i) => ({
    codigo:
      i < cars
        ? `C-${String(i + 1).padStart(5, '0')}`
        : `M-${String(i - cars + 1).padStart(5, '0')}`,
    tipo: i < cars ? 'carro' : 'moto',
    discapacidad: i < reserved,
  }));
}

export const SEMILLA = 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdef0123456789';
