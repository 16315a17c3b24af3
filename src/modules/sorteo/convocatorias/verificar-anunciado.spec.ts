import { createHash } from 'node:crypto';
import { ENTRADA_VECTOR, INSUMOS_HASH_VECTOR } from '../core/vector-prueba';
import {
  verificarAnunciado,
  type CierrePublicado,
  type ResultadoAnunciado,
} from './verificar-anunciado';

/** SORTEO.md's derivation vector. */
const SECRETO = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';
const COMPROMISO = 'b755ed18185d0448746c865d67220151f3a451b5e0cb6aa149aa2cac9448a426';
const SEMILLA = '71098a2aa72f380aa64ea0d0b46ff6924fff73dbae6a8510810d81541c5e9f0e';
const CERRADA = new Date('2026-06-15T12:00:00Z');

const CIERRE: CierrePublicado = {
  cerradaEn: CERRADA,
  insumosHash: INSUMOS_HASH_VECTOR,
  compromisoServidor: COMPROMISO,
  lineas: ENTRADA_VECTOR.participantes,
};

function resultado(over: Partial<ResultadoAnunciado> = {}, secreto = SECRETO): ResultadoAnunciado {
  return {
    semilla: SEMILLA,
    insumosHash: INSUMOS_HASH_VECTOR,
    participantes: [...ENTRADA_VECTOR.participantes].reverse(),
    convocatoria: {
      id: 'c1',
      cerradaEn: CERRADA,
      fuentesPublicas: [{ descripcion: 'a' }, { descripcion: 'b' }, { descripcion: 'c' }],
      valoresPublicos: ['4821', 'SERIE 045', 'TESTIGO: BOLITA 17'],
      compromisoServidor: COMPROMISO,
      secretoServidor: secreto,
    },
    ...over,
  };
}

describe('verificarAnunciado', () => {
  it('accepts the SORTEO.md vector: commitment, insumosHash, seed and lines agree', () => {
    expect(createHash('sha256').update(SECRETO).digest('hex')).toBe(COMPROMISO);
    expect(verificarAnunciado(resultado(), CIERRE)).toEqual([]);
  });

  it('a tampered revealed secret breaks the commitment and the seed', () => {
    const dif = verificarAnunciado(resultado({}, 'a'.repeat(64)), CIERRE);
    expect(dif).toHaveLength(2);
    expect(dif[0]).toMatch(/^secretoServidor/);
    expect(dif[1]).toMatch(/^semilla/);
    expect(verificarAnunciado(resultado({}, 'no-hex'), CIERRE)[1]).toMatch(/no se puede derivar/);
  });

  it('a seed or an insumosHash other than the published ones is named', () => {
    expect(verificarAnunciado(resultado({ semilla: 'c'.repeat(64) }), CIERRE)).toEqual([
      expect.stringMatching(/^semilla: valor almacenado/),
    ]);
    expect(verificarAnunciado(resultado({ insumosHash: 'd'.repeat(64) }), CIERRE)).toEqual([
      expect.stringMatching(/^insumosHash/),
    ]);
  });

  it('result lines must be the frozen lines: changed, missing or extra', () => {
    const [primero, ...resto] = ENTRADA_VECTOR.participantes;
    const cambiado = [{ ...primero, adultoMayor: true }, ...resto];
    expect(verificarAnunciado(resultado({ participantes: cambiado }), CIERRE)).toEqual([
      expect.stringContaining(`solicitud ${primero.solicitudId}, adultoMayor`),
    ]);
    expect(verificarAnunciado(resultado({ participantes: resto }), CIERRE)).toEqual([
      expect.stringContaining('ausente del resultado'),
    ]);
    const congeladoAlterado = { ...CIERRE, lineas: resto };
    expect(verificarAnunciado(resultado(), congeladoAlterado)).toEqual([
      expect.stringContaining('no fue congelada'),
    ]);
  });

  it('a convocatoria that is gone cannot vouch for the result', () => {
    expect(verificarAnunciado(resultado(), null)).toEqual([expect.stringContaining('c1')]);
  });
});
