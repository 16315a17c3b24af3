import { Cronometro } from './cronometro';

describe('Cronometro', () => {
  it('reports each phase as the time since the previous mark, with the memory at its end', () => {
    const tiempos = [1000, 1250, 1300, 2300];
    const memorias = [100, 150, 120].map((mb) => mb * 2 ** 20);
    const c = new Cronometro(
      () => tiempos.shift() ?? 0,
      () => memorias.shift() ?? 0,
    );
    c.marca('leer');
    c.marca('calcular');
    c.marca('escribir');
    expect(c.resumen()).toBe(
      'leer 250 ms (rss 100 MB), calcular 50 ms (rss 150 MB), escribir 1000 ms (rss 120 MB)',
    );
  });
});
