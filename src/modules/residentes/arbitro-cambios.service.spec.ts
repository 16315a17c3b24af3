import { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import { ArbitroCambiosResidente } from './arbitro-cambios.service';
import { CambioReclamado, CambiosResidenteRepository } from './cambios-residente.repository';
import { edicionSobre } from './decision-cambios';
import { CambiosResidente, ResidenteEntidad } from './residente.entity';
import { ResidentesRepository } from './residentes.repository';

const ID = '0123456789abcdef01234567';

/** One resident and its version claims in memory, with the repositories' contracts. */
class Almacen {
  doc: ResidenteEntidad = {
    id: ID,
    nombre: 'Ana Pérez',
    documento: { tipo: 'CC', numero: '1020304050' },
    email: null,
    telefono: '3001234567',
    torre: 'A',
    apartamento: '101',
    tipo: 'propietario',
    fechaIngreso: null,
    fechaNacimiento: null,
    discapacidad: false,
    alDia: true,
    activo: true,
    cuenta: 'sin_cuenta',
    registro: null,
    version: 0,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
  reclamos = new Map<number, CambioReclamado>();
  escrituras: Array<{ version: number; cambios: CambiosResidente }> = [];
  /** Runs before each read: lets a test land another writer's change "meanwhile". */
  antesDeLeer: () => void = () => undefined;

  repo = {
    buscar: async () => {
      this.antesDeLeer();
      return { ...this.doc };
    },
    aplicarVersion: async (_id: string, version: number, cambios: CambiosResidente) => {
      this.escrituras.push({ version, cambios });
      if (this.doc.version === version)
        this.doc = { ...this.doc, ...cambios, version: version + 1 };
    },
  } as unknown as ResidentesRepository;

  cambios = {
    reclamar: async (c: CambioReclamado) => {
      if (this.reclamos.has(c.version)) return false;
      this.reclamos.set(c.version, c);
      return true;
    },
    buscar: async (_id: string, version: number) => this.reclamos.get(version) ?? null,
  } as unknown as CambiosResidenteRepository;
}

const saneador = (reciente: boolean) =>
  ({ reciente: () => reciente }) as unknown as SaneadorReclamos;

const reclamoDe = (version: number, cambios: CambiosResidente): CambioReclamado => ({
  residenteId: ID,
  version,
  cambios,
  usuarioId: null,
  fecha: new Date(),
});

describe('ArbitroCambiosResidente', () => {
  it('reclama la versión siguiente y escribe sobre la leída', async () => {
    const a = new Almacen();
    const arbitro = new ArbitroCambiosResidente(a.repo, a.cambios, saneador(true));
    const r = await arbitro.cambiar(ID, edicionSobre(a.doc, { alDia: false }), 'admin');
    expect(r).toMatchObject({ alDia: false, version: 1 });
    expect([...a.reclamos.keys()]).toEqual([1]);
    expect(a.escrituras).toEqual([{ version: 0, cambios: { alDia: false } }]);
  });

  it('al perder ante un ganador vivo no escribe su versión: la espera y aplica lo suyo encima', async () => {
    const a = new Almacen();
    const base = { ...a.doc };
    a.reclamos.set(1, reclamoDe(1, { telefono: '3109999999' }));
    let lecturas = 0;
    // The live winner's write shows on the third read (the loser's second wait).
    a.antesDeLeer = () => {
      if (++lecturas === 3) a.doc = { ...a.doc, telefono: '3109999999', version: 1 };
    };
    const arbitro = new ArbitroCambiosResidente(a.repo, a.cambios, saneador(true));
    const r = await arbitro.cambiar(ID, edicionSobre(base, { alDia: false }), 'admin');
    expect(r).toMatchObject({ alDia: false, telefono: '3109999999', version: 2 });
    expect(a.escrituras).toEqual([{ version: 1, cambios: { alDia: false } }]);
  });

  it('termina el cambio de un ganador que murió hace rato y sigue', async () => {
    const a = new Almacen();
    a.reclamos.set(1, reclamoDe(1, { telefono: '3109999999' }));
    const arbitro = new ArbitroCambiosResidente(a.repo, a.cambios, saneador(false));
    const r = await arbitro.cambiar(ID, () => ({ cuenta: 'pendiente_activacion' }), null);
    expect(r).toMatchObject({ telefono: '3109999999', cuenta: 'pendiente_activacion', version: 2 });
    expect(a.escrituras).toHaveLength(2);
  });

  it('con el mismo campo cambiado por otro a otro valor responde RESIDENTE_MODIFICADO', async () => {
    const a = new Almacen();
    const base = { ...a.doc };
    a.reclamos.set(1, reclamoDe(1, { telefono: '3109999999' }));
    let lecturas = 0;
    a.antesDeLeer = () => {
      if (++lecturas === 2) a.doc = { ...a.doc, telefono: '3109999999', version: 1 };
    };
    const arbitro = new ArbitroCambiosResidente(a.repo, a.cambios, saneador(true));
    await expect(
      arbitro.cambiar(ID, edicionSobre(base, { telefono: '3200000000' }), null),
    ).rejects.toMatchObject({ code: 'RESIDENTE_MODIFICADO', status: 409 });
    expect(a.escrituras).toEqual([]);
    expect(a.doc.telefono).toBe('3109999999');
  });

  it('no reclama nada si no hay nada que cambiar', async () => {
    const a = new Almacen();
    const arbitro = new ArbitroCambiosResidente(a.repo, a.cambios, saneador(true));
    const r = await arbitro.cambiar(ID, () => ({ alDia: true }), null);
    expect(r.version).toBe(0);
    expect(a.reclamos.size).toBe(0);
  });
});
