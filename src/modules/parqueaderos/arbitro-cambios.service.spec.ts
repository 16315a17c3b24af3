import { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import { ArbitroCambiosParqueadero } from './arbitro-cambios.service';
import { CambioReclamado, CambiosParqueaderoRepository } from './cambios-parqueadero.repository';
import { CambiosParqueadero, ParqueaderoEntidad } from './parqueadero.entity';
import { ParqueaderosRepository } from './parqueaderos.repository';
import { fijar } from './reglas-parqueadero';

const ID = '0123456789abcdef01234567';

/** One spot and its version claims in memory, with the repositories' contracts. */
class Almacen {
  doc: ParqueaderoEntidad = {
    id: ID,
    codigo: 'S-1',
    tipo: 'carro',
    discapacidad: false,
    zona: null,
    activo: true,
    version: 0,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
  reclamos = new Map<number, CambioReclamado>();
  escrituras: Array<{ version: number; cambios: CambiosParqueadero }> = [];
  /** Runs before each read: lets a test land another writer's change "meanwhile". */
  antesDeLeer: () => void = () => undefined;

  repo = {
    buscar: async () => {
      this.antesDeLeer();
      return { ...this.doc };
    },
    aplicarVersion: async (_id: string, version: number, cambios: CambiosParqueadero) => {
      this.escrituras.push({ version, cambios });
      if (this.doc.version === version)
        this.doc = { ...this.doc, ...cambios, version: version + 1 };
    },
  } as unknown as ParqueaderosRepository;

  cambios = {
    reclamar: async (c: CambioReclamado) => {
      if (this.reclamos.has(c.version)) return false;
      this.reclamos.set(c.version, c);
      return true;
    },
    buscar: async (_id: string, version: number) => this.reclamos.get(version) ?? null,
  } as unknown as CambiosParqueaderoRepository;
}

const saneador = (reciente: boolean) =>
  ({ reciente: () => reciente }) as unknown as SaneadorReclamos;

const reclamoDe = (version: number, cambios: CambiosParqueadero): CambioReclamado => ({
  parqueaderoId: ID,
  version,
  cambios,
  fecha: new Date(),
});

describe('ArbitroCambiosParqueadero', () => {
  it('claims the next version and writes over the one it read', async () => {
    const a = new Almacen();
    const arbitro = new ArbitroCambiosParqueadero(a.repo, a.cambios, saneador(true));
    const p = await arbitro.cambiar(ID, fijar({ zona: 'Norte' }));
    expect(p).toMatchObject({ zona: 'Norte', version: 1 });
    expect([...a.reclamos.keys()]).toEqual([1]);
    expect(a.escrituras).toEqual([{ version: 0, cambios: { zona: 'Norte' } }]);
  });

  it('after losing to a live winner, waits for its version and writes its own change on top', async () => {
    const a = new Almacen();
    a.reclamos.set(1, reclamoDe(1, { activo: false }));
    let lecturas = 0;
    a.antesDeLeer = () => {
      if (++lecturas === 3) a.doc = { ...a.doc, activo: false, version: 1 };
    };
    const arbitro = new ArbitroCambiosParqueadero(a.repo, a.cambios, saneador(true));
    const p = await arbitro.cambiar(ID, fijar({ zona: 'Sur' }));
    expect(p).toMatchObject({ zona: 'Sur', activo: false, version: 2 });
    expect(a.escrituras).toEqual([{ version: 1, cambios: { zona: 'Sur' } }]);
  });

  it('checks the reserve on the spot as the winner left it', async () => {
    const a = new Almacen();
    a.reclamos.set(1, reclamoDe(1, { discapacidad: true }));
    let lecturas = 0;
    a.antesDeLeer = () => {
      if (++lecturas === 2) a.doc = { ...a.doc, discapacidad: true, version: 1 };
    };
    const arbitro = new ArbitroCambiosParqueadero(a.repo, a.cambios, saneador(true));
    await expect(arbitro.cambiar(ID, fijar({ tipo: 'moto' }))).rejects.toMatchObject({
      code: 'VALIDACION',
      status: 400,
    });
    expect(a.escrituras).toEqual([]);
    expect(a.doc).toMatchObject({ tipo: 'carro', discapacidad: true });
  });

  it('finishes the change of a winner that died long ago, then goes on', async () => {
    const a = new Almacen();
    a.reclamos.set(1, reclamoDe(1, { zona: 'Este' }));
    const arbitro = new ArbitroCambiosParqueadero(a.repo, a.cambios, saneador(false));
    const p = await arbitro.cambiar(ID, fijar({ activo: false }));
    expect(p).toMatchObject({ zona: 'Este', activo: false, version: 2 });
    expect(a.escrituras).toHaveLength(2);
  });

  it('claims nothing when nothing changes, and answers 404 for a spot that is not there', async () => {
    const a = new Almacen();
    const arbitro = new ArbitroCambiosParqueadero(a.repo, a.cambios, saneador(true));
    const p = await arbitro.cambiar(ID, fijar({ activo: true, tipo: 'carro' }));
    expect(p.version).toBe(0);
    expect(a.reclamos.size).toBe(0);
    const vacio = new Almacen();
    vacio.repo.buscar = async () => null;
    const otro = new ArbitroCambiosParqueadero(vacio.repo, vacio.cambios, saneador(true));
    await expect(otro.cambiar(ID, fijar({ zona: 'x' }))).rejects.toMatchObject({
      code: 'NO_ENCONTRADO',
      status: 404,
    });
  });
});
