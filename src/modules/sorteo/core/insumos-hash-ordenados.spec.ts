import { ejecutarSorteo } from './ejecutar-sorteo';
import { insumosHashOrdenados } from './insumos-hash';
import { ENTRADA_VECTOR, INSUMOS_HASH_VECTOR } from './vector-prueba';

const NIVELES_HASH = '46323af41f6f85ad71c42f54e4ce05d784f736351eabb82d27cc07fc8535e5c4';

describe('insumosHashOrdenados (the close publishes it before any seed exists)', () => {
  const { participantes, parqueaderos, config } = ENTRADA_VECTOR;

  it('gives the SORTEO.md vectors for both algorithms', () => {
    expect(insumosHashOrdenados(participantes, parqueaderos, config)).toEqual({
      algoritmo: 'ES-SHA256-v1',
      insumosHash: INSUMOS_HASH_VECTOR,
    });
    const niveles = { ...config, modo: 'niveles' as const };
    expect(insumosHashOrdenados(participantes, parqueaderos, niveles)).toEqual({
      algoritmo: 'NIVELES-SHA256-v1',
      insumosHash: NIVELES_HASH,
    });
  });

  it('equals what the draw computes, whatever the seed', () => {
    const { insumosHash } = insumosHashOrdenados(participantes, parqueaderos, config);
    const sorteo = ejecutarSorteo({ ...ENTRADA_VECTOR, semilla: 'f'.repeat(64) });
    expect(sorteo.insumosHash).toBe(insumosHash);
  });

  it('refuses participants out of solicitudId order or repeated', () => {
    const alReves = [...participantes].reverse();
    expect(() => insumosHashOrdenados(alReves, parqueaderos, config)).toThrow(/orden/);
    const repetido = [participantes[0], participantes[0]];
    expect(() => insumosHashOrdenados(repetido, parqueaderos, config)).toThrow(/orden/);
  });
});
