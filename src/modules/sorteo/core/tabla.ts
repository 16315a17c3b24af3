import { calcularClave, numerosAleatorios } from './numero-aleatorio';
import { calcularPeso, calcularPuntaje } from './peso';
import type { ParticipanteEntrada } from './tipos';
import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import { validarParticipante, validarPeso, validarPuntaje } from './validacion';

export const MOTO = 0;
const CARRO = 1;
export const CARRO_DISCAPACIDAD = 2;

/** Column per quantity, row per participant (same index as the input). */
export interface TablaParticipantes {
  /** ES-SHA256-v1: the weight; NIVELES-SHA256-v1: the integer score. Published as `peso`. */
  readonly pesos: Float64Array;
  readonly numeros: Float64Array;
  /** ES-SHA256-v1: ln(numero)/peso; NIVELES-SHA256-v1: the numero itself. */
  readonly claves: Float64Array;
  /** MOTO, CARRO or CARRO_DISCAPACIDAD: all the stages need to know. */
  readonly clase: Uint8Array;
  /** solicitudId (24 hex digits) as a 96-bit number in three words, least significant first. */
  readonly id: readonly [Uint32Array, Uint32Array, Uint32Array];
}

/**
 * Everything the draw needs from the participants, read in one pass. Typed columns instead of
 * objects keep the garbage down, and a single pass matters when the input objects lie scattered
 * in memory: every later visit to them would be a cache miss per participant.
 */
export function tabular(
  participantes: readonly ParticipanteEntrada[],
  semilla: string,
  config: ConfigPrioridad,
): TablaParticipantes {
  const n = participantes.length;
  const tabla = {
    pesos: new Float64Array(n),
    numeros: new Float64Array(n),
    claves: new Float64Array(n),
    clase: new Uint8Array(n),
    id: [new Uint32Array(n), new Uint32Array(n), new Uint32Array(n)] as const,
  };
  const numeroAleatorio = numerosAleatorios(semilla);
  const niveles = config.modo === 'niveles';
  for (let i = 0; i < n; i++) {
    const p = participantes[i];
    validarParticipante(p);
    const peso = niveles ? calcularPuntaje(p, config.niveles) : calcularPeso(p, config.pesos);
    if (niveles) validarPuntaje(peso, p.solicitudId);
    else validarPeso(peso, p.solicitudId);
    tabla.pesos[i] = peso;
    tabla.numeros[i] = numeroAleatorio(p.solicitudId);
    tabla.claves[i] = niveles ? tabla.numeros[i] : calcularClave(tabla.numeros[i], peso);
    tabla.clase[i] = p.tipoVehiculo === 'moto' ? MOTO : p.discapacidad ? CARRO_DISCAPACIDAD : CARRO;
    for (let w = 0; w < 3; w++) tabla.id[w][i] = palabraHex(p.solicitudId, 16 - 8 * w);
  }
  return tabla;
}

/** The 8 lowercase hex digits from `desde` as an unsigned 32-bit number, without allocating. */
function palabraHex(texto: string, desde: number): number {
  let valor = 0;
  for (let c = desde; c < desde + 8; c++) {
    const codigo = texto.charCodeAt(c);
    valor = ((valor << 4) | (codigo <= 57 ? codigo - 48 : codigo - 87)) >>> 0;
  }
  return valor;
}
