import { Sha256ConSemilla } from './sha256-semilla';

const ESCALA = 2 ** 52;

/**
 * SORTEO.md's `numeroAleatorio` for every participant of one draw: `(n + 0.5) / 2^52`, n the first
 * 13 hex digits of SHA-256(semilla:solicitudId), uniform in (0, 1) and never 0 or 1. The seed's
 * block is hashed once (see Sha256ConSemilla). Seed and ids must already be validated.
 */
export function numerosAleatorios(semilla: string): (solicitudId: string) => number {
  const sha = new Sha256ConSemilla(semilla);
  return (solicitudId) => (sha.primeros52Bits(solicitudId) + 0.5) / ESCALA;
}

/** Efraimidis–Spirakis key: always negative, larger is better. */
export function calcularClave(numero: number, peso: number): number {
  return Math.log(numero) / peso;
}
