import { CONFIG_PRIORIDAD_POR_DEFECTO } from 'src/shared/dominio/config-prioridad';
import { resultadoComoJson } from './resultado-json';
import { aParticipanteDto, aResultadoSorteoDto, type Espectador } from './resultado.mapper';
import type { ParticipanteGuardado, ResultadoCompleto } from './resultado.entity';

async function texto(r: ResultadoCompleto, e: Espectador): Promise<string> {
  let s = '';
  for await (const pieza of resultadoComoJson(r, e)) s += String(pieza);
  return s;
}

function participante(i: number): ParticipanteGuardado {
  return {
    solicitudId: `s${i}`,
    version: 1,
    residenteId: `r${i}`,
    residenteNombre: `Residente "${i}"`,
    unidad: { torre: 'T1', apartamento: String(100 + i) },
    placa: `ABC${String(i).padStart(3, '0')}`,
    tipoVehiculo: 'carro',
    discapacidad: i % 2 === 0,
    adultoMayor: false,
    sinAsignacionPrevia: false,
    aniosResidencia: i % 7,
    peso: 1.5,
    numeroAleatorio: 0.25,
    clave: -0.5,
    etapa: 'general',
    posicion: i + 1,
    resultado: i < 3 ? 'asignada' : 'no_asignada',
    parqueadero: i < 3 ? `P-${i}` : null,
    posicionEspera: i < 3 ? null : i - 2,
  };
}

function resultado(n: number): ResultadoCompleto {
  return {
    cabecera: {
      id: '665f1a0000000000000000aa',
      turno: 3,
      estado: 'completo',
      nombre: 'Sorteo 2026-II',
      ejecutadoEn: new Date('2026-11-26T12:00:00Z'),
      ejecutadoPor: 'admin',
      algoritmo: 'ES-SHA256-v1',
      origenSemilla: 'servidor',
      semilla: 'ab'.repeat(32),
      insumosHash: 'cd'.repeat(32),
      convocatoria: null,
      config: CONFIG_PRIORIDAD_POR_DEFECTO,

      resumen: { participantes: n, asignados: Math.min(3, n), enEspera: n - 3, excluidos: 0 },
      tamanoBloque: 1000,
      bloques: { participantes: 3, excluidas: 0, parqueaderos: 1 },
      anulado: null,
    },
    parqueaderos: [{ codigo: 'P-0', tipo: 'carro', discapacidad: true }],
    participantes: Array.from({ length: n }, (_, i) => participante(i)),
    excluidas: [],
  };
}

describe('resultadoComoJson', () => {
  it.each([0, 1, 999, 1000, 2501])(
    'writes the same bytes as serialising the whole DTO (%i participants)',
    async (n) => {
      const r = resultado(n);
      for (const e of [
        { rol: 'admin' } as const,
        {
          rol: 'residente',
          residenteId: 'r1',
          unidad: { torre: 'T1', apartamento: '101' },
        } as const,
      ]) {
        expect(await texto(r, e)).toBe(JSON.stringify(aResultadoSorteoDto(r, e)));
      }
    },
  );
});

describe('resultadoComoJson for residents, one list read by many', () => {
  it("gives each resident their own entries whole and nobody else's, from the same list", async () => {
    const r = resultado(2501);
    const lista = r.participantes;
    const leer = async (e: Espectador): Promise<string> => {
      let s = '';
      for await (const pieza of resultadoComoJson(r, e, lista)) s += String(pieza);
      return s;
    };
    const vecinos = [7, 1500, 2500].map(
      (i) =>
        ({
          rol: 'residente',
          residenteId: `r${i}`,
          unidad: { torre: 'T1', apartamento: String(100 + i) },
        }) as const,
    );
    // Twice each, in turns: the second read of each uses the rows kept by the first.
    for (const e of [...vecinos, ...vecinos]) {
      const json = await leer(e);
      const esperado = JSON.stringify({ ...aResultadoSorteoDto(r, e), participantes: [] });
      const dto = JSON.parse(json) as { participantes: Array<{ placa?: string }> };
      expect(JSON.stringify({ ...dto, participantes: [] })).toBe(esperado);
      const placas = dto.participantes.filter((p) => p.placa).map((p) => p.placa);
      expect(placas).toEqual([`ABC${e.residenteId.slice(1).padStart(3, '0')}`]);
      expect(json).toBe(
        JSON.stringify({
          ...aResultadoSorteoDto(r, e),
          participantes: lista.map((p) => aParticipanteDto(p, e)),
        }),
      );
    }
  });
});

describe('resultadoComoJson with the marker in stored text', () => {
  it('still writes valid JSON, the same as serialising the whole DTO', async () => {
    const r = resultado(3);
    r.cabecera.nombre = '\u0000participantes\u0000';
    expect(await texto(r, { rol: 'admin' })).toBe(
      JSON.stringify(aResultadoSorteoDto(r, { rol: 'admin' })),
    );
  });
});
