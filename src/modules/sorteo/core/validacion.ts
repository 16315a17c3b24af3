import type { ParqueaderoEntrada, ParticipanteEntrada } from './tipos';

/*
 * Defensive checks: the HTTP layer validates first, with proper 400s. These exist so that a bug
 * upstream fails loudly instead of publishing a draw that nobody can reproduce.
 */

const SEMILLA = /^[0-9a-f]{64}$/;
const SOLICITUD_ID = /^[0-9a-f]{24}$/;
const CODIGO = /^[A-Za-z0-9-]{1,20}$/;

function esTipoVehiculo(tipo: unknown): boolean {
  return tipo === 'carro' || tipo === 'moto';
}

/** Upper-case hex hashes differently, so the seed must already be in its canonical form. */
export function validarSemilla(semilla: string): void {
  if (!SEMILLA.test(semilla))
    throw new Error('Semilla inválida: se esperan 64 hexadecimales en minúscula');
}

export function validarParqueaderos(parqueaderos: readonly ParqueaderoEntrada[]): void {
  const codigos = new Set<string>();
  for (const { codigo, tipo, discapacidad } of parqueaderos) {
    // The code goes into a space-separated line of the input hash: it must not contain spaces.
    if (typeof codigo !== 'string' || !CODIGO.test(codigo))
      throw new Error(`Código de parqueadero inválido: "${codigo}"`);
    if (!esTipoVehiculo(tipo)) throw new Error(`Parqueadero ${codigo}: tipo inválido`);
    if (typeof discapacidad !== 'boolean')
      throw new Error(`Parqueadero ${codigo}: discapacidad inválida`);
    if (discapacidad && tipo === 'moto') {
      throw new Error(
        `Parqueadero ${codigo}: solo los de carro pueden reservarse por discapacidad`,
      );
    }
    if (codigos.has(codigo)) throw new Error(`Código de parqueadero repetido: ${codigo}`);
    codigos.add(codigo);
  }
}

/** Names the first bad field only: the values include disability data, not for logs (Ley 1581). */
export function validarParticipante(p: ParticipanteEntrada): void {
  const campo =
    typeof p.solicitudId !== 'string' || !SOLICITUD_ID.test(p.solicitudId)
      ? 'solicitudId'
      : !esTipoVehiculo(p.tipoVehiculo)
        ? 'tipoVehiculo'
        : typeof p.discapacidad !== 'boolean'
          ? 'discapacidad'
          : typeof p.adultoMayor !== 'boolean'
            ? 'adultoMayor'
            : typeof p.sinAsignacionPrevia !== 'boolean'
              ? 'sinAsignacionPrevia'
              : !Number.isInteger(p.aniosResidencia) || p.aniosResidencia < 0
                ? 'aniosResidencia'
                : null;
  if (campo !== null) throw new Error(`Participante ${String(p.solicitudId)}: ${campo} inválido`);
}

/** A weight that is not a positive finite number would make the keys meaningless. */
export function validarPeso(peso: number, solicitudId: string): void {
  if (!(peso > 0 && peso < Infinity)) throw new Error(`Peso inválido ${peso} para ${solicitudId}`);
}

/** NIVELES-SHA256-v1 ranks by the score as a 32-bit word: it must be a non-negative integer. */
export function validarPuntaje(puntaje: number, solicitudId: string): void {
  if (!Number.isInteger(puntaje) || puntaje < 0 || puntaje > 0xffffffff)
    throw new Error(`Puntaje inválido ${puntaje} para ${solicitudId}`);
}
