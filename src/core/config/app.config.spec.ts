import { appConfig } from './app.config';
import { ConfiguracionInvalidaError } from './env-parsers';

describe('appConfig TRUST_PROXY', () => {
  const original = process.env.TRUST_PROXY;
  afterEach(() => {
    if (original === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = original;
  });

  const con = (valor: string | undefined) => {
    if (valor === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = valor;
    return appConfig().trustProxy;
  };

  it('trusts nobody by default', () => {
    expect(con(undefined)).toBe(false);
    expect(con('false')).toBe(false);
  });

  it('accepts a hop count or proxy addresses', () => {
    expect(con('1')).toBe(1);
    expect(con('10.0.0.1, 10.0.1.0/24')).toEqual(['10.0.0.1', '10.0.1.0/24']);
  });

  it('refuses `true`, which would let any client forge its address', () => {
    expect(() => con('true')).toThrow(ConfiguracionInvalidaError);
    expect(() => con('proxy.local')).toThrow(/TRUST_PROXY/);
  });
});
