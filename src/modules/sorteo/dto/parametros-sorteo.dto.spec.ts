import { ArgumentMetadata } from '@nestjs/common';
import { ValidacionError } from 'src/shared/errors/domain-error';
import { crearValidationPipe } from 'src/shared/validation/validation.pipe';
import { ConfigPrioridadDto } from 'src/modules/config-prioridad/dto/config-prioridad.dto';
import { ParametrosSorteoDto, primerCodigoRepetido } from './parametros-sorteo.dto';

const pipe = crearValidationPipe();
const meta = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({
  type: 'body',
  metatype,
});

async function errores(
  body: unknown,
  tipo: ArgumentMetadata['metatype'] = ParametrosSorteoDto,
): Promise<string[]> {
  try {
    await pipe.transform(body, meta(tipo));
    return [];
  } catch (err) {
    if (err instanceof ValidacionError) return err.mensajes;
    throw err;
  }
}

const valido = {
  nombre: ' Sorteo 2026 ',
  parqueaderos: [
    { codigo: 'S1-001', tipo: 'carro', discapacidad: true },
    { codigo: 'M-01', tipo: 'moto' },
  ],
};

describe('ParametrosSorteoDto', () => {
  it('accepts a valid body, trims the name and lower-cases the seed', async () => {
    const dto = (await pipe.transform(
      { ...valido, semilla: 'A3F1C2D4E5B6978812345678901234567890ABCDEFABCDEFABCDEF0123456789' },
      meta(ParametrosSorteoDto),
    )) as ParametrosSorteoDto;
    expect(dto.nombre).toBe('Sorteo 2026');
    expect(dto.semilla).toBe('a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdef0123456789');
    expect(dto.parqueaderos?.[1].discapacidad).toBeUndefined();
  });

  it('accepts a body without parqueaderos (the draw then uses the active inventory)', async () => {
    const { nombre } = valido;
    const dto = (await pipe.transform(
      { nombre },
      meta(ParametrosSorteoDto),
    )) as ParametrosSorteoDto;
    expect(dto.parqueaderos).toBeUndefined();
  });

  it.each([
    [
      'a repeated code',
      { ...valido, parqueaderos: [...valido.parqueaderos, { codigo: 'M-01', tipo: 'carro' }] },
      'M-01',
    ],
    [
      'a reserved moto spot',
      { ...valido, parqueaderos: [{ codigo: 'M-9', tipo: 'moto', discapacidad: true }] },
      'discapacidad',
    ],
    ['a short seed', { ...valido, semilla: 'abc' }, 'semilla'],
    ['a non-hex seed', { ...valido, semilla: 'z'.repeat(64) }, 'semilla'],
    ['a 65-character seed', { ...valido, semilla: 'a'.repeat(65) }, 'semilla'],
    ['no spots', { ...valido, parqueaderos: [] }, 'al menos un'],
    [
      '10,001 spots',
      {
        ...valido,
        parqueaderos: Array.from({ length: 10_001 }, (_, i) => ({
          codigo: `C${i}`,
          tipo: 'carro',
        })),
      },
      '10000',
    ],
    [
      'a code of 21 characters',
      { ...valido, parqueaderos: [{ codigo: 'X'.repeat(21), tipo: 'carro' }] },
      'codigo',
    ],
    [
      'a code with a space',
      { ...valido, parqueaderos: [{ codigo: 'A 1', tipo: 'carro' }] },
      'codigo',
    ],
    [
      'an unknown vehicle type',
      { ...valido, parqueaderos: [{ codigo: 'A1', tipo: 'bus' }] },
      'tipo',
    ],
    [
      'an unknown field in a spot',
      { ...valido, parqueaderos: [{ codigo: 'A1', tipo: 'carro', techo: true }] },
      'techo',
    ],
    ['an operator for the name', { ...valido, nombre: { $gt: '' } }, 'nombre'],
    ['an empty name', { ...valido, nombre: '   ' }, 'nombre'],
  ])('rejects %s', async (_, body, menciona) => {
    const m = await errores(body);
    expect(m.length).toBeGreaterThan(0);
    expect(m.join(' ')).toContain(menciona);
  });

  it('accepts exactly 10,000 spots', async () => {
    const body = {
      ...valido,
      parqueaderos: Array.from({ length: 10_000 }, (_, i) => ({ codigo: `C${i}`, tipo: 'carro' })),
    };
    expect(await errores(body)).toEqual([]);
  });

  it('names the first repeated code', () => {
    expect(
      primerCodigoRepetido([{ codigo: 'a' }, { codigo: 'b' }, { codigo: 'b' }, { codigo: 'a' }]),
    ).toBe('b');
    expect(primerCodigoRepetido([{ codigo: 'a' }, { codigo: 'A' }])).toBeNull();
    expect(primerCodigoRepetido('x')).toBeNull();
  });
});

describe('ConfigPrioridadDto', () => {
  const config = {
    pesos: {
      discapacidad: 3,
      adultoMayor: 1.5,
      sinAsignacionPrevia: 2,
      antiguedadPorAnio: 0.1,
      antiguedadMaxAnios: 10,
    },
    edadAdultoMayor: 60,
    requiereAlDia: true,
  };
  it('accepts the defaults and the range limits', async () => {
    expect(await errores(config, ConfigPrioridadDto)).toEqual([]);
    const limites = {
      pesos: {
        discapacidad: 100,
        adultoMayor: 1,
        sinAsignacionPrevia: 100,
        antiguedadPorAnio: 0,
        antiguedadMaxAnios: 50,
      },
      edadAdultoMayor: 100,
      requiereAlDia: false,
    };
    expect(await errores(limites, ConfigPrioridadDto)).toEqual([]);
  });
  it.each([
    ['discapacidad', { discapacidad: 0.99 }],
    ['adultoMayor', { adultoMayor: 101 }],
    ['sinAsignacionPrevia', { sinAsignacionPrevia: '2' }],
    ['antiguedadPorAnio', { antiguedadPorAnio: 1.01 }],
    ['antiguedadMaxAnios', { antiguedadMaxAnios: 2.5 }],
    ['antiguedadMaxAnios', { antiguedadMaxAnios: 51 }],
  ])('rejects pesos.%s out of range', async (campo, cambio) => {
    const m = await errores(
      { ...config, pesos: { ...config.pesos, ...cambio } },
      ConfigPrioridadDto,
    );
    expect(m.join(' ')).toContain(campo);
  });
  it('rejects a missing or non-integer edadAdultoMayor and unknown fields', async () => {
    expect(
      (await errores({ ...config, edadAdultoMayor: 60.5 }, ConfigPrioridadDto)).join(' '),
    ).toContain('edadAdultoMayor');
    expect(
      (await errores({ pesos: config.pesos, requiereAlDia: true }, ConfigPrioridadDto)).join(' '),
    ).toContain('edadAdultoMayor');
    expect((await errores({ ...config, otro: 1 }, ConfigPrioridadDto)).join(' ')).toContain('otro');
  });
});
