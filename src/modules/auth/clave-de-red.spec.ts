import { claveDeRed } from './clave-de-red';

describe('claveDeRed', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(claveDeRed('203.0.113.7')).toBe('203.0.113.7');
  });

  it('reads IPv4-mapped IPv6 as the IPv4 address', () => {
    expect(claveDeRed('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(claveDeRed('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys every address of one /64 alike, however it is written', () => {
    const claves = [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:ffff:ffff:ffff:ffff',
      '2001:DB8:1:2:a:b:c:d',
      '2001:db8:1:2::99%eth0',
      '2001:db8:1:2::203.0.113.7',
    ].map(claveDeRed);
    expect(new Set(claves)).toEqual(new Set(['2001:db8:1:2::/64']));
  });

  it('keys neighbouring /64s apart, including ones written with ::', () => {
    expect(claveDeRed('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(claveDeRed('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(claveDeRed('::1')).toBe('0:0:0:0::/64');
    expect(claveDeRed('fe80::1%lo0')).toBe('fe80:0:0:0::/64');
  });

  it('passes through what is not an address (a test client, a unix socket)', () => {
    expect(claveDeRed('desconocida')).toBe('desconocida');
  });
});
