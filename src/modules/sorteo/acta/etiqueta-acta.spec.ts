import { etiquetaActa, type EntradasEtiqueta } from './etiqueta-acta';

describe('etiquetaActa', () => {
  const base: EntradasEtiqueta = {
    cabecera: { id: '665f1a00000000000000aaaa', anulado: null },
    movimientos: [],
    conjunto: 'Conjunto A',
    urlVerificacion: 'https://a.co/sorteo/resultados/665f1a00000000000000aaaa/verificar',
  };
  const mov = { n: 1, fecha: new Date('2026-07-01T00:00:00Z') };

  it('is a quoted, opaque tag that stays the same for the same inputs', () => {
    expect(etiquetaActa(base)).toMatch(/^"acta-[\w-]{32}"$/);
    expect(etiquetaActa({ ...base })).toBe(etiquetaActa(base));
  });

  it('changes with a movimiento, the annulment, the name, the URL and the result', () => {
    const tags = [
      etiquetaActa(base),
      etiquetaActa({ ...base, movimientos: [mov] }),
      etiquetaActa({ ...base, movimientos: [mov, { ...mov, n: 2 }] }),
      etiquetaActa({
        ...base,
        cabecera: { ...base.cabecera, anulado: { motivo: 'x', por: 'y', fecha: mov.fecha } },
      }),
      etiquetaActa({ ...base, conjunto: 'Conjunto B' }),
      etiquetaActa({ ...base, urlVerificacion: 'https://b.co/x' }),
      etiquetaActa({ ...base, cabecera: { ...base.cabecera, id: '665f1a00000000000000bbbb' } }),
    ];
    expect(new Set(tags).size).toBe(tags.length);
  });
});
