import { TiempoParejo } from './tiempo-parejo';

describe('TiempoParejo', () => {
  it('makes a refused registration wait out what an accepted one usually takes', async () => {
    const esperas: number[] = [];
    const t = new TiempoParejo(30, 0.5, async (ms) => void esperas.push(ms));
    t.registrar(50);
    expect(t.media).toBe(40);
    await t.igualar(10);
    expect(esperas).toEqual([30]);
  });

  it('never waits when the refused path already took longer', async () => {
    const esperas: number[] = [];
    const t = new TiempoParejo(30, 0.2, async (ms) => void esperas.push(ms));
    await t.igualar(45);
    expect(esperas).toEqual([]);
  });
});
