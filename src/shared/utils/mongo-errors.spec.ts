import { esClaveDuplicada, ignorarDuplicados, indicesDuplicados } from './mongo-errors';

const bulk = (writeErrors: unknown[]): unknown => ({ code: 11000, writeErrors });

describe('mongo-errors', () => {
  it('recognises E11000 on a single insert and inside a bulk error', () => {
    expect(esClaveDuplicada({ code: 11000 })).toBe(true);
    expect(esClaveDuplicada({ writeErrors: [{ err: { code: 11000 } }] })).toBe(true);
    expect(esClaveDuplicada({ code: 6 })).toBe(false);
    expect(esClaveDuplicada(null)).toBe(false);
  });

  it('lists the losing positions of an unordered insert, from either error shape', () => {
    expect(indicesDuplicados(bulk([{ index: 2, code: 11000 }, { err: { index: 5 } }]))).toEqual([
      2, 5,
    ]);
  });

  it('refuses to read a bulk error that mixes in another write error', () => {
    expect(
      indicesDuplicados(
        bulk([
          { index: 0, code: 11000 },
          { index: 1, code: 121 },
        ]),
      ),
    ).toBe(null);
    expect(indicesDuplicados(new Error('socket'))).toBe(null);
  });

  it('ignorarDuplicados swallows duplicates only', () => {
    expect(() => ignorarDuplicados(bulk([{ index: 0, code: 11000 }]))).not.toThrow();
    const otro = new Error('network');
    expect(() => ignorarDuplicados(otro)).toThrow(otro);
  });
});
