import type { Model } from 'mongoose';
import { AlmacenDeBloques, BLOQUES_POR_INSERCION } from './almacen-bloques';

interface Items {
  numeros: { n: number; par: boolean };
}
type Doc = { _id: string } & Record<string, unknown>;

/** A collection in memory, answering the calls the store makes the way Mongoose would. */
function coleccion() {
  const docs = new Map<string, Doc>();
  const inserciones: number[] = [];
  const exec = <T>(v: T) => ({ exec: () => Promise.resolve(v) });
  const modelo = {
    insertMany: (lote: Doc[]) => {
      inserciones.push(lote.length);
      for (const d of lote) docs.set(d._id, structuredClone(d));
      return Promise.resolve(lote);
    },
    findById: (id: string) => ({ lean: () => exec(docs.get(id) ?? null) }),
    deleteMany: (filtro: Record<string, unknown>) => ({
      setOptions: () => {
        for (const [id, d] of docs) {
          if (Object.entries(filtro).every(([k, v]) => d[k] === v)) docs.delete(id);
        }
        return exec(undefined);
      },
    }),
  };
  return { docs, inserciones, modelo: modelo as unknown as Model<Doc> };
}

// The mapper keeps only the known fields.
const aNumero = (v: unknown) => {
  const c = v as Record<string, unknown>;
  return { n: c.n as number, par: c.par as boolean };
};

function almacen(comoTexto: boolean) {
  const c = coleccion();
  const a = new AlmacenDeBloques<Items, Doc>(
    c.modelo,
    {
      campoDueno: 'duenoId',
      letras: { numeros: 'n' },
      mapeadores: { numeros: aNumero },
      extra: (letra, indice) => ({ tipo: letra, indice }),
      comoTexto,
      de: 'de la prueba',
    },
    { timeoutMS: 1000 },
  );
  return { ...c, almacen: a };
}

const numeros = (cuantos: number) =>
  Array.from({ length: cuantos }, (_, n) => ({ n, par: n % 2 === 0, extra: 'no sale' }));

describe('AlmacenDeBloques', () => {
  it.each([false, true])(
    'stores a list in chunks by _id and reads it back mapped (comoTexto %s)',
    async (comoTexto) => {
      const { almacen: a, docs, inserciones } = almacen(comoTexto);
      const lista = numeros(10 * BLOQUES_POR_INSERCION + 3);
      expect(await a.insertar('d1', 'numeros', lista, 10)).toBe(BLOQUES_POR_INSERCION + 1);
      expect(inserciones).toEqual([BLOQUES_POR_INSERCION, 1]);
      const ultimo = docs.get(`d1:n:${BLOQUES_POR_INSERCION}`);
      expect(ultimo).toMatchObject({ duenoId: 'd1', tipo: 'n', indice: BLOQUES_POR_INSERCION });
      expect(typeof ultimo?.items).toBe(comoTexto ? 'string' : 'object');
      expect(await a.leer('d1', 'numeros', BLOQUES_POR_INSERCION)).toEqual([
        { n: 80, par: true },
        { n: 81, par: false },
        { n: 82, par: true },
      ]);
      const todos = await a.todos('d1', 'numeros', BLOQUES_POR_INSERCION + 1);
      expect(todos).toEqual(lista.map(({ n, par }) => ({ n, par })));
    },
  );

  it('reads a chunk stored as an array by a text store (stored before the switch)', async () => {
    const { almacen: a, docs } = almacen(true);
    docs.set('d1:n:0', { _id: 'd1:n:0', duenoId: 'd1', items: [{ n: 7, par: false }] });
    expect(await a.leer('d1', 'numeros', 0)).toEqual([{ n: 7, par: false }]);
  });

  it('fails on a missing chunk instead of reading it as empty', async () => {
    const { almacen: a } = almacen(true);
    await expect(a.leer('d1', 'numeros', 0)).rejects.toThrow('Falta el bloque d1:n:0 de la prueba');
  });

  it("deletes one owner's chunks and no other's", async () => {
    const { almacen: a, docs } = almacen(true);
    await a.insertar('d1', 'numeros', numeros(25), 10);
    await a.insertar('d2', 'numeros', numeros(5), 10);
    await a.borrar('d1');
    expect([...docs.keys()]).toEqual(['d2:n:0']);
  });
});
