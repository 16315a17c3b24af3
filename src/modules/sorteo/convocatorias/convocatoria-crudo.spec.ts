import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import type { PublicadoAlCierre } from './convocatoria.entity';
import { aLinea, aPublicado } from './convocatoria-crudo';

const PUBLICADO: PublicadoAlCierre = {
  cerradaEn: new Date('2026-06-15T12:00:00Z'),
  config: CONFIG_PRIORIDAD_POR_DEFECTO,
  insumosHash: 'a'.repeat(64),
  compromisoServidor: 'b'.repeat(64),
  resumen: {
    participantes: { carro: 5, moto: 2 },
    parqueaderos: { carro: 3, moto: 1 },
    excluidos: 1,
  },
  tamanoBloque: 1000,
  bloques: { participantes: 1, excluidas: 1, parqueaderos: 1 },
  primeros: ['665f1a000000000000000001'],
};

describe('convocatoria-crudo (stored documents back to the entity)', () => {
  it('the pending close record round-trips as stored, extras dropped', () => {
    const guardado = JSON.parse(
      JSON.stringify({ ...PUBLICADO, secreto: 'x', _id: 'c1' }),
    ) as object;
    expect(aPublicado(guardado)).toEqual(PUBLICADO);
    expect(JSON.stringify(aPublicado(guardado))).not.toMatch(/secreto|_id/);
  });

  it('a frozen line keeps exactly its fields', () => {
    const linea = {
      solicitudId: '665f1a000000000000000001',
      tipoVehiculo: 'carro',
      discapacidad: true,
      adultoMayor: false,
      sinAsignacionPrevia: true,
      aniosResidencia: 2,
      version: 1,
      residenteId: 'r1',
      residenteNombre: 'Ana',
      unidad: { torre: 'A', apartamento: '101', extra: 1 },
      placa: 'ABC123',
    };
    expect(aLinea({ ...linea, peso: 99 })).toEqual({
      ...linea,
      unidad: { torre: 'A', apartamento: '101' },
    });
  });
});
