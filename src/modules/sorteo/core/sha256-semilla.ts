/*
 * SHA-256 (FIPS 180-4) specialised to SORTEO.md's message `semilla + ":" + solicitudId`: a seed of
 * exactly 64 ASCII characters fills the first 64-byte block, so its compression is done once per
 * draw, and `":" + 24 characters + padding` always fits the second block. A million participants
 * then cost one compression each and no allocation, where crypto.hash costs two compressions,
 * a native call and three strings each (most of the draw's time and garbage, measured).
 * The spec checks it against node:crypto on random seeds and ids.
 */

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const ESTADO_INICIAL = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const LARGO_SEMILLA = 64;
const LARGO_ID = 24;
/** Bits of the whole message: seed, ':' and id. */
const BITS_MENSAJE = (LARGO_SEMILLA + 1 + LARGO_ID) * 8;

/** One compression of the 16 words in `w[0..15]` into `h`; `w` is scratch space of 64 words. */
function comprimir(h: Int32Array, w: Int32Array): void {
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15];
    const y = w[t - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
  }
  let a = h[0];
  let b = h[1];
  let c = h[2];
  let d = h[3];
  let e = h[4];
  let f = h[5];
  let g = h[6];
  let hh = h[7];
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0] + a) | 0;
  h[1] = (h[1] + b) | 0;
  h[2] = (h[2] + c) | 0;
  h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0;
  h[5] = (h[5] + f) | 0;
  h[6] = (h[6] + g) | 0;
  h[7] = (h[7] + hh) | 0;
}

/** Big-endian word of the four characters of `texto` from `desde` (all ASCII). */
function palabra(texto: string, desde: number): number {
  return (
    (texto.charCodeAt(desde) << 24) |
    (texto.charCodeAt(desde + 1) << 16) |
    (texto.charCodeAt(desde + 2) << 8) |
    texto.charCodeAt(desde + 3)
  );
}

function esAscii(texto: string): boolean {
  for (let i = 0; i < texto.length; i++) if (texto.charCodeAt(i) > 0x7f) return false;
  return true;
}

export class Sha256ConSemilla {
  /** The state after the seed's block. */
  private readonly trasSemilla = new Int32Array(8);
  private readonly h = new Int32Array(8);
  private readonly w = new Int32Array(64);

  /** `semilla`: 64 ASCII characters (the draw's seed is 64 lowercase hex digits). */
  constructor(semilla: string) {
    if (semilla.length !== LARGO_SEMILLA || !esAscii(semilla))
      throw new Error('Sha256ConSemilla: la semilla debe tener 64 caracteres ASCII');
    this.trasSemilla.set(ESTADO_INICIAL);
    for (let i = 0; i < 16; i++) this.w[i] = palabra(semilla, 4 * i);
    comprimir(this.trasSemilla, this.w);
  }

  /**
   * The first 52 bits (13 hex digits) of SHA-256(utf8(semilla + ":" + id)) as an exact integer.
   * `id`: 24 ASCII characters, which the caller has validated (a solicitudId is 24 hex digits).
   */
  primeros52Bits(id: string): number {
    if (id.length !== LARGO_ID) throw new Error('Sha256ConSemilla: el id debe tener 24 caracteres');
    const { w, h } = this;
    // Block 2: ':' id[0..23] 0x80, zeros, then the message length in bits.
    w[0] = (0x3a << 24) | (id.charCodeAt(0) << 16) | (id.charCodeAt(1) << 8) | id.charCodeAt(2);
    for (let i = 1; i < 6; i++) w[i] = palabra(id, 4 * i - 1);
    w[6] = (id.charCodeAt(LARGO_ID - 1) << 24) | (0x80 << 16);
    for (let i = 7; i < 15; i++) w[i] = 0;
    w[15] = BITS_MENSAJE;
    h.set(this.trasSemilla);
    comprimir(h, w);
    return (h[0] >>> 0) * 2 ** 20 + (h[1] >>> 12);
  }
}
