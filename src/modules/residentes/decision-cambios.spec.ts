import { edicionSobre, soloDistintos } from './decision-cambios';
import { ResidenteEntidad } from './residente.entity';

const base: ResidenteEntidad = {
  id: '0123456789abcdef01234567',
  nombre: 'Ana Pérez',
  documento: { tipo: 'CC', numero: '1020304050' },
  email: 'ana@parknet.test',
  telefono: '3001234567',
  torre: 'A',
  apartamento: '101',
  tipo: 'propietario',
  fechaIngreso: null,
  fechaNacimiento: null,
  discapacidad: false,
  alDia: true,
  activo: true,
  cuenta: 'activa',
  registro: null,
  version: 4,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

describe('soloDistintos', () => {
  it('deja fuera lo que no cambia, lo ausente y el documento igual en otro orden', () => {
    expect(
      soloDistintos(base, {
        telefono: '3001234567',
        alDia: false,
        nombre: undefined,
        documento: { numero: '1020304050', tipo: 'CC' },
      }),
    ).toEqual({ alDia: false });
  });

  it('copia el documento como objeto plano', () => {
    class DocumentoDto {
      tipo = 'CE' as const;
      numero = '999';
    }
    const c = soloDistintos(base, { documento: new DocumentoDto() });
    expect(Object.getPrototypeOf(c.documento)).toBe(Object.prototype);
    expect(c.documento).toEqual({ tipo: 'CE', numero: '999' });
  });
});

describe('edicionSobre', () => {
  it('se aplica de nuevo sobre una lectura que otro cambió en otros campos', () => {
    const decidir = edicionSobre(base, { alDia: false, telefono: base.telefono });
    expect(decidir({ ...base, telefono: '3109999999', version: 5 })).toEqual({ alDia: false });
  });

  it('no escribe nada si otro ya dejó el mismo valor', () => {
    const decidir = edicionSobre(base, { telefono: '3110000000' });
    expect(decidir({ ...base, telefono: '3110000000', version: 5 })).toEqual({});
  });

  it('rechaza con RESIDENTE_MODIFICADO si otro cambió el mismo campo a otro valor', () => {
    const decidir = edicionSobre(base, { telefono: '3110000000' });
    expect(() => decidir({ ...base, telefono: '3129999999', version: 5 })).toThrow(
      expect.objectContaining({ code: 'RESIDENTE_MODIFICADO', status: 409 }),
    );
  });
});
