import { LimiteSolicitudes } from './limite-solicitudes';

describe('LimiteSolicitudes', () => {
  it('allows the configured number per minute, then says how long to wait', () => {
    const limite = new LimiteSolicitudes(3);
    const t0 = 1_000_000;
    expect([0, 1, 2].map((i) => limite.registrar('u1', t0 + i * 1000))).toEqual([null, null, null]);
    expect(limite.registrar('u1', t0 + 15_000)).toBe(45);
    expect(limite.registrar('u1', t0 + 59_500)).toBe(1);
    // A new window starts a minute after the first request.
    expect(limite.registrar('u1', t0 + 60_000)).toBeNull();
  });

  it('counts each user on their own', () => {
    const limite = new LimiteSolicitudes(1);
    expect(limite.registrar('u1', 0)).toBeNull();
    expect(limite.registrar('u1', 1)).toBe(60);
    expect(limite.registrar('u2', 2)).toBeNull();
  });

  it('forgets finished windows once many users are tracked', () => {
    const limite = new LimiteSolicitudes(5);
    for (let i = 0; i <= 10_000; i++) limite.registrar(`u${i}`, 0);
    expect(limite.usuariosSeguidos).toBe(10_001);
    limite.registrar('otro', 60_000);
    expect(limite.usuariosSeguidos).toBe(1);
  });
});
