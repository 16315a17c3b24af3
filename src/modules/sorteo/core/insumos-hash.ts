import { createHash, type Hash } from 'node:crypto';
import { compararUnidadesUtf16 } from './orden';
import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import { calcularPeso, calcularPuntaje } from './peso';
import {
  ALGORITMOS,
  type AlgoritmoSorteo,
  type ParqueaderoEntrada,
  type ParticipanteEntrada,
} from './tipos';
import {
  validarParqueaderos,
  validarParticipante,
  validarPeso,
  validarPuntaje,
} from './validacion';

/** Bytes fed to the hash per call: one native call per line would cost more than the hashing. */
const TAMANO_BLOQUE = 1 << 16;
/** Longest line: "P " + 24 + " moto"/" carro" + " 0" + " " + a double's String() (≤ 25). */
const LINEA_MAXIMA = 128;

/**
 * The hashed text, written byte by byte into a reused buffer. Every character of it is ASCII
 * (hex ids, the two vehicle types, digits, validated spot codes), so a char code is its UTF-8
 * byte; anything else throws rather than hashing a text nobody else would reproduce.
 */
class TextoHasheado {
  private readonly bytes = Buffer.allocUnsafe(TAMANO_BLOQUE + LINEA_MAXIMA);
  private largo = 0;

  constructor(private readonly hash: Hash) {}

  escribir(texto: string): void {
    const { bytes } = this;
    let largo = this.largo;
    for (let i = 0; i < texto.length; i++) {
      const c = texto.charCodeAt(i);
      if (c > 0x7f) throw new Error('insumosHash: carácter no ASCII en los insumos');
      bytes[largo++] = c;
    }
    // Writes past a Buffer's end are dropped without a word: that must never pass for a hash.
    if (largo > bytes.length) throw new Error('insumosHash: línea más larga de lo previsto');
    this.largo = largo;
  }

  /** Ends a line: the lines are joined by "\n", which the next line's start writes. */
  finLinea(): void {
    if (this.largo >= TAMANO_BLOQUE) this.vaciar();
  }

  digest(): string {
    this.vaciar();
    return this.hash.digest('hex');
  }

  private vaciar(): void {
    this.hash.update(this.bytes.subarray(0, this.largo));
    this.largo = 0;
  }
}

/**
 * SORTEO.md's `insumosHash`, streamed so that a million lines never become strings at all.
 * `ordenPorId` lists the participants by solicitudId; `pesos[i]` is participant i's weight.
 */
export function calcularInsumosHash(
  algoritmo: AlgoritmoSorteo,
  participantes: readonly ParticipanteEntrada[],
  pesos: Float64Array,
  ordenPorId: Uint32Array,
  parqueaderos: readonly ParqueaderoEntrada[],
): string {
  const texto = new TextoHasheado(createHash('sha256'));
  texto.escribir(algoritmo);
  texto.finLinea();
  // A config yields a few hundred distinct weights at most, and String() of a double is not cheap.
  const textos = new Map<number, string>();
  for (const i of ordenPorId) {
    const p = participantes[i];
    let peso = textos.get(pesos[i]);
    if (peso === undefined) textos.set(pesos[i], (peso = String(pesos[i])));
    texto.escribir('\nP ');
    texto.escribir(p.solicitudId);
    texto.escribir(p.tipoVehiculo === 'moto' ? ' moto ' : ' carro ');
    texto.escribir(p.discapacidad ? '1 ' : '0 ');
    texto.escribir(peso);
    texto.finLinea();
  }
  const porCodigo = [...parqueaderos].sort((a, b) => compararUnidadesUtf16(a.codigo, b.codigo));
  for (const s of porCodigo) {
    texto.escribir(`\nS ${s.codigo} ${s.tipo} ${s.discapacidad ? 1 : 0}`);
    texto.finLinea();
  }
  return texto.digest();
}

/**
 * `insumosHash` alone, as a convocatoria's close publishes it before any seed exists. The
 * participants must come sorted by solicitudId, strictly ascending (the close stores them so);
 * the weights are those the draw will compute, so the draw later reproduces the same hash.
 */
export function insumosHashOrdenados(
  participantes: readonly ParticipanteEntrada[],
  parqueaderos: readonly ParqueaderoEntrada[],
  config: ConfigPrioridad,
): { algoritmo: AlgoritmoSorteo; insumosHash: string } {
  validarParqueaderos(parqueaderos);
  const niveles = config.modo === 'niveles';
  const pesos = new Float64Array(participantes.length);
  const orden = new Uint32Array(participantes.length);
  for (let i = 0; i < participantes.length; i++) {
    const p = participantes[i];
    validarParticipante(p);
    if (i > 0 && !(participantes[i - 1].solicitudId < p.solicitudId))
      throw new Error(`insumosHash: participantes fuera de orden en ${p.solicitudId}`);
    const peso = niveles ? calcularPuntaje(p, config.niveles) : calcularPeso(p, config.pesos);
    if (niveles) validarPuntaje(peso, p.solicitudId);
    else validarPeso(peso, p.solicitudId);
    pesos[i] = peso;
    orden[i] = i;
  }
  const algoritmo = ALGORITMOS[config.modo];
  return {
    algoritmo,
    insumosHash: calcularInsumosHash(algoritmo, participantes, pesos, orden, parqueaderos),
  };
}
