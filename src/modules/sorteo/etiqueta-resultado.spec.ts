import { coincideEtiqueta, etiquetaResultado } from './etiqueta-resultado';

const residente = (id: string, apartamento = '101') => ({
  rol: 'residente' as const,
  residenteId: id,
  unidad: { torre: 'A', apartamento },
});

describe('etiquetaResultado', () => {
  it('differs by viewer, by unit and by result state, and names no resident', () => {
    const a = etiquetaResultado('s.0.v', residente('r1'));
    expect(a).not.toBe(etiquetaResultado('s.0.v', residente('r2')));
    expect(a).not.toBe(etiquetaResultado('s.0.v', residente('r1', '102')));
    expect(a).not.toBe(etiquetaResultado('s.1.v', residente('r1')));
    expect(a).not.toContain('r1');
    expect(etiquetaResultado('s.0.a', { rol: 'admin' })).toBe('"s.0.a.admin"');
  });
});

describe('coincideEtiqueta', () => {
  it('matches one tag of a list, a weak tag and *, and nothing else', () => {
    expect(coincideEtiqueta('"x", "y"', '"y"')).toBe(true);
    expect(coincideEtiqueta('W/"y"', '"y"')).toBe(true);
    expect(coincideEtiqueta('*', '"y"')).toBe(true);
    expect(coincideEtiqueta('"x"', '"y"')).toBe(false);
    expect(coincideEtiqueta(undefined, '"y"')).toBe(false);
  });
});
