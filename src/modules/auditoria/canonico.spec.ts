import { createHash } from 'node:crypto';
import { aJson, hashDeEntrada, jsonCanonico } from './canonico';

describe('canonical JSON and the entry hash', () => {
  it('sorts keys at every depth, keeps array order, and writes no spaces', () => {
    expect(jsonCanonico({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('hashes the entry without its hash field, whatever the key order', () => {
    const e = { n: 1, hashPrevio: '0'.repeat(64), accion: 'x', hash: 'ignored' };
    const esperado = createHash('sha256')
      .update('{"accion":"x","hashPrevio":"' + '0'.repeat(64) + '","n":1}')
      .digest('hex');
    expect(hashDeEntrada(e)).toBe(esperado);
    expect(hashDeEntrada({ accion: 'x', n: 1, hashPrevio: '0'.repeat(64) })).toBe(esperado);
  });

  it('stores plain JSON: dates as ISO strings, undefined members dropped', () => {
    expect(aJson({ f: new Date('2026-12-02T10:00:00Z'), u: undefined, n: null })).toEqual({
      f: '2026-12-02T10:00:00.000Z',
      n: null,
    });
  });
});
