import {
  filtroPorTramos,
  IDS_POR_INDICE,
  IDS_POR_TRAMO,
  indiceDeTanda,
  iniciosDeTandas,
  ordenarIds,
} from './filtro-por-tramos';

/** The filter's meaning, evaluated the way a server would, on string ids. */
function coincide(filtro: Record<string, unknown>, id: string): boolean {
  const tramos = (filtro.$or as Array<Record<string, unknown>> | undefined) ?? [filtro];
  return tramos.some((t) => {
    const c = t._id as { $gte: string; $lte: string; $in: string[] };
    return id >= c.$gte && id <= c.$lte && c.$in.includes(id);
  });
}

describe('filtroPorTramos', () => {
  const todos = Array.from({ length: 1000 }, (_, i) => `id${String(i).padStart(4, '0')}`);
  const elegidos = todos.filter((_, i) => i % 3 !== 1);

  it('matches exactly the given ids, nothing that only falls inside a range', () => {
    const filtro = filtroPorTramos(ordenarIds(elegidos), 16, 0);
    for (const id of todos) expect(coincide(filtro, id)).toBe(elegidos.includes(id));
  });

  it('cuts the ids into runs of the given size, each behind its own range', () => {
    const filtro = filtroPorTramos(ordenarIds(elegidos), 100, 0);
    const tramos = filtro.$or as Array<{ _id: { $gte: string; $lte: string; $in: string[] } }>;
    expect(tramos).toHaveLength(Math.ceil(elegidos.length / 100));
    for (const t of tramos) {
      expect(t._id.$in.length).toBeLessThanOrEqual(100);
      expect(t._id.$gte).toBe(t._id.$in[0]);
      expect(t._id.$lte).toBe(t._id.$in[t._id.$in.length - 1]);
    }
  });

  it('up to IDS_POR_INDICE ids make one run (an index read on the patched FerretDB)', () => {
    const muchos = ordenarIds(Array.from({ length: IDS_POR_INDICE }, (_, i) => `x${i}`));
    const uno = filtroPorTramos(muchos) as { _id: { $in: string[] } };
    expect(uno._id.$in).toHaveLength(IDS_POR_INDICE);
    const otro = filtroPorTramos([...muchos, 'y']) as { $or: unknown[] };
    expect(otro.$or).toHaveLength(Math.ceil((IDS_POR_INDICE + 1) / IDS_POR_TRAMO));
  });

  it('one run needs no $or, and no ids match nothing', () => {
    expect(filtroPorTramos(['a', 'b'])).toEqual({ _id: { $gte: 'a', $lte: 'b', $in: ['a', 'b'] } });
    expect(coincide(filtroPorTramos([]) as never, 'a')).toBe(false);
  });
});

describe('ordenarIds', () => {
  it('sorts strings by their UTF-8 bytes, as MongoDB and FerretDB compare them', () => {
    // U+FF5E sorts after U+1F600 in UTF-16 units, before it in UTF-8 bytes.
    expect(ordenarIds(['b\u{1F600}', 'b\uFF5E', 'a'])).toEqual(['a', 'b\uFF5E', 'b\u{1F600}']);
  });
});

describe('batches of consecutive ids', () => {
  it('sends every id to the batch whose range holds it', () => {
    const ids = ordenarIds(['f', 'a', 'k', 'c', 'h', 'b', 'z']);
    const inicios = iniciosDeTandas(ids, 3);
    expect(inicios).toEqual(['a', 'f', 'z']);
    expect(ids.map((id) => indiceDeTanda(inicios, id))).toEqual([0, 0, 0, 1, 1, 1, 2]);
    // An id before the first start still lands somewhere (the first batch).
    expect(indiceDeTanda(inicios, '0')).toBe(0);
  });
});
