import * as crypto from 'node:crypto';

/** First 13 hex digits of a SHA-256 hex digest: 52 bits, exact in a double. */
const DIGITOS = 13;
const ESCALA = 2 ** 52;

/*
 * Not src/shared/utils/crypto's sha256Hex: this runs once per participant, and crypto.hash
 * (Node >= 20.12) hashes a short string about three times faster than createHash. Its hex form
 * also beats a Buffer, whose allocation costs more than parsing 13 digits. Older Node 20 releases
 * fall back to createHash.
 */
const sha256HexRapido: (texto: string) => string =
  typeof crypto.hash === 'function'
    ? (texto) => crypto.hash('sha256', texto, 'hex')
    : (texto) => crypto.createHash('sha256').update(texto, 'utf8').digest('hex');

/** `(n + 0.5) / 2^52` with n from SHA-256(semilla:solicitudId): uniform in (0, 1), never 0 or 1. */
export function numeroAleatorio(semilla: string, solicitudId: string): number {
  const n = parseInt(sha256HexRapido(`${semilla}:${solicitudId}`).slice(0, DIGITOS), 16);
  return (n + 0.5) / ESCALA;
}

/** Efraimidis–Spirakis key: always negative, larger is better. */
export function calcularClave(numero: number, peso: number): number {
  return Math.log(numero) / peso;
}
