import type { EntradaAuditoria } from './entrada-auditoria';
import { IndiceAuditoria } from './indice-auditoria';

const entrada = (n: number, accion: string, actor = 'a'): EntradaAuditoria => ({
  n,
  fecha: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  actor: { id: actor, rol: 'admin' },
  accion,
  recurso: { tipo: 'residente', id: `r${n % 3}` },
  cambios: null,
  hashPrevio: '',
  hash: '',
});

describe('IndiceAuditoria', () => {
  const indice = new IndiceAuditoria(3);
  for (let n = 1; n <= 10; n++) indice.agregar(entrada(n, n % 2 ? 'x' : 'y', n > 5 ? 'b' : 'a'));

  it('pages newest first and counts every match', () => {
    expect(indice.buscar({}, 1, 4)).toEqual({ ns: [10, 9, 8, 7], total: 10 });
    expect(indice.buscar({}, 3, 4)).toEqual({ ns: [2, 1], total: 10 });
    expect(indice.buscar({ accion: 'x' }, 1, 10)).toEqual({ ns: [9, 7, 5, 3, 1], total: 5 });
    expect(indice.buscar({ actor: 'a', recursoId: 'r1' }, 1, 10)).toEqual({ ns: [4, 1], total: 2 });
  });

  it('filters by date, both ends included', () => {
    const desde = new Date(Date.UTC(2026, 0, 1, 0, 3));
    const hasta = new Date(Date.UTC(2026, 0, 1, 0, 5));
    expect(indice.buscar({ desde, hasta }, 1, 10).ns).toEqual([5, 4, 3]);
  });

  it('keeps only the newest entries whole', () => {
    expect(indice.entrada(10)?.n).toBe(10);
    expect(indice.entrada(8)?.n).toBe(8);
    expect(indice.entrada(1)).toBeUndefined();
    expect(indice.tiene(1)).toBe(true);
  });
});
