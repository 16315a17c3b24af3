import fc from 'fast-check';
import { ejecutarSorteo } from './ejecutar-sorteo';
import { congelar, referencia } from './pruebas/referencia-sorteo';
import type {
  EntradaSorteo,
  ParqueaderoEntrada,
  ParticipanteEntrada,
  ParticipanteSorteado,
  ResultadoCalculado,
} from './tipos';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import {
  CONFIG_PRIORIDAD_POR_DEFECTO,
  type ConfigPrioridad,
} from 'src/shared/dominio/config-prioridad';

const hex = (bytes: number): fc.Arbitrary<string> =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('hex'));

const participanteArb: fc.Arbitrary<ParticipanteEntrada> = fc.record({
  solicitudId: hex(12),
  tipoVehiculo: fc.constantFrom<TipoVehiculo>('carro', 'moto'),
  discapacidad: fc.boolean(),
  adultoMayor: fc.boolean(),
  sinAsignacionPrevia: fc.boolean(),
  aniosResidencia: fc.integer({ min: 0, max: 60 }),
});

const codigoArb = fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/);
const parqueaderoArb: fc.Arbitrary<ParqueaderoEntrada> = fc.oneof(
  fc.record({
    codigo: codigoArb,
    tipo: fc.constant<TipoVehiculo>('carro'),
    discapacidad: fc.boolean(),
  }),
  fc.record({
    codigo: codigoArb,
    tipo: fc.constant<TipoVehiculo>('moto'),
    discapacidad: fc.constant(false),
  }),
);

const factor = fc.double({ min: 1, max: 100, noNaN: true });
const nivel = fc.integer({ min: 0, max: 10_000 });
const configArb: fc.Arbitrary<ConfigPrioridad> = fc.record({
  modo: fc.constantFrom('ponderado' as const, 'niveles' as const),
  niveles: fc.record({ discapacidad: nivel, adultoMayor: nivel, sinAsignacionPrevia: nivel }),
  pesos: fc.record({
    discapacidad: factor,
    adultoMayor: factor,
    sinAsignacionPrevia: factor,
    antiguedadPorAnio: fc.double({ min: 0, max: 1, noNaN: true }),
    antiguedadMaxAnios: fc.integer({ min: 0, max: 50 }),
  }),
  edadAdultoMayor: fc.integer({ min: 40, max: 100 }),
  requiereAlDia: fc.boolean(),
});

const entradaArb: fc.Arbitrary<EntradaSorteo> = fc.record({
  semilla: hex(32),
  participantes: fc.uniqueArray(participanteArb, { selector: (p) => p.solicitudId, maxLength: 40 }),
  parqueaderos: fc.uniqueArray(parqueaderoArb, { selector: (p) => p.codigo, maxLength: 20 }),
  config: configArb,
});

const TIPOS: TipoVehiculo[] = ['carro', 'moto'];
const de = (r: ResultadoCalculado, tipo: TipoVehiculo): ParticipanteSorteado[] =>
  r.participantes.filter((p) => p.tipoVehiculo === tipo);

describe('ejecutarSorteo: propiedades', () => {
  it('coincide con una lectura directa de SORTEO.md (createHash, sort con comparador)', () => {
    fc.assert(
      fc.property(entradaArb, (entrada) =>
        expect(ejecutarSorteo(entrada)).toEqual(referencia(entrada)),
      ),
    );
  });

  it('ningún parqueadero se asigna dos veces, y cada uno es del tipo del vehículo', () => {
    fc.assert(
      fc.property(entradaArb, (entrada) => {
        const asignados = ejecutarSorteo(entrada).participantes.filter(
          (p) => p.parqueadero !== null,
        );
        const codigos = asignados.map((p) => p.parqueadero);
        expect(new Set(codigos).size).toBe(codigos.length);
        const porCodigo = new Map(entrada.parqueaderos.map((s) => [s.codigo, s]));
        for (const p of asignados) {
          const parqueadero = porCodigo.get(p.parqueadero ?? '');
          expect(parqueadero?.tipo).toBe(p.tipoVehiculo);
          if (p.etapa === 'reservada') expect(parqueadero?.discapacidad).toBe(true);
        }
      }),
    );
  });

  it('cada participante aparece exactamente una vez', () => {
    fc.assert(
      fc.property(entradaArb, (entrada) => {
        const ids = ejecutarSorteo(entrada).participantes.map((p) => p.solicitudId);
        expect([...ids].sort()).toEqual(entrada.participantes.map((p) => p.solicitudId).sort());
      }),
    );
  });

  it('en cada etapa ganan min(parqueaderos, participantes)', () => {
    fc.assert(
      fc.property(entradaArb, ({ participantes, parqueaderos, ...resto }) => {
        const r = ejecutarSorteo({ participantes, parqueaderos, ...resto });
        const cuantos = <T>(lista: readonly T[], si: (x: T) => boolean): number =>
          lista.filter(si).length;
        const ganadores = (etapa: string, tipo: TipoVehiculo): number =>
          cuantos(
            r.participantes,
            (p) => p.etapa === etapa && p.tipoVehiculo === tipo && p.parqueadero !== null,
          );
        const reservados = cuantos(parqueaderos, (s) => s.discapacidad);
        const conDiscapacidad = cuantos(
          participantes,
          (p) => p.tipoVehiculo === 'carro' && p.discapacidad,
        );
        const w = Math.min(reservados, conDiscapacidad);
        expect(ganadores('reservada', 'carro')).toBe(w);
        expect(cuantos(r.participantes, (p) => p.etapa === 'reservada')).toBe(w);
        const carros = cuantos(participantes, (p) => p.tipoVehiculo === 'carro');
        const espaciosCarro = cuantos(parqueaderos, (s) => s.tipo === 'carro');
        expect(ganadores('general', 'carro')).toBe(Math.min(espaciosCarro - w, carros - w));
        const motos = cuantos(participantes, (p) => p.tipoVehiculo === 'moto');
        const espaciosMoto = cuantos(parqueaderos, (s) => s.tipo === 'moto');
        expect(ganadores('general', 'moto')).toBe(Math.min(espaciosMoto, motos));
        expect(r.resumen).toEqual({
          participantes: participantes.length,
          asignados: cuantos(r.participantes, (p) => p.resultado === 'asignada'),
          enEspera: cuantos(r.participantes, (p) => p.resultado === 'no_asignada'),
        });
      }),
    );
  });

  it('la lista de espera de cada tipo va de 1 a n, sin huecos, en el orden de la etapa general', () => {
    fc.assert(
      fc.property(entradaArb, (entrada) => {
        const r = ejecutarSorteo(entrada);
        for (const tipo of TIPOS) {
          const enEspera = de(r, tipo).filter((p) => p.resultado === 'no_asignada');
          expect(enEspera.every((p) => p.etapa === 'general' && p.parqueadero === null)).toBe(true);
          const porPosicion = [...enEspera].sort((a, b) => a.posicion - b.posicion);
          expect(porPosicion.map((p) => p.posicionEspera)).toEqual(enEspera.map((_, k) => k + 1));
          expect(
            de(r, tipo)
              .filter((p) => p.resultado === 'asignada')
              .every((p) => p.posicionEspera === null),
          ).toBe(true);
        }
      }),
    );
  });

  it('el resultado va por tipo, etapa y posición; las posiciones van de 1 a k en el orden del algoritmo', () => {
    fc.assert(
      fc.property(entradaArb, (entrada) => {
        const r = ejecutarSorteo(entrada);
        const grupo = (p: ParticipanteSorteado): string => `${p.tipoVehiculo}/${p.etapa}`;
        const grupos = r.participantes.map(grupo);
        const esperado = ['carro/reservada', 'carro/general', 'moto/general'].filter((g) =>
          grupos.includes(g),
        );
        expect([...new Set(grupos)]).toEqual(esperado);
        for (const g of esperado) {
          const miembros = r.participantes.filter((p) => grupo(p) === g);
          expect(miembros.map((p) => p.posicion)).toEqual(miembros.map((_, k) => k + 1));
          expect(miembros.length).toBeGreaterThan(0);
          miembros.slice(1).forEach((p, k) => {
            const anterior = miembros[k];
            // NIVELES: never a lower score above a higher one; the key decides within a score.
            if (entrada.config.modo === 'niveles') {
              expect(p.peso).toBeLessThanOrEqual(anterior.peso);
              if (p.peso === anterior.peso) expect(p.clave).toBeLessThanOrEqual(anterior.clave);
            } else {
              expect(p.clave).toBeLessThanOrEqual(anterior.clave);
            }
          });
        }
      }),
    );
  });

  it('no depende del orden de las listas de entrada', () => {
    const conPermutacion = entradaArb.chain((entrada) =>
      fc.record({
        entrada: fc.constant(entrada),
        participantes: fc.shuffledSubarray([...entrada.participantes], {
          minLength: entrada.participantes.length,
        }),
        parqueaderos: fc.shuffledSubarray([...entrada.parqueaderos], {
          minLength: entrada.parqueaderos.length,
        }),
      }),
    );
    fc.assert(
      fc.property(conPermutacion, ({ entrada, participantes, parqueaderos }) => {
        expect(ejecutarSorteo({ ...entrada, participantes, parqueaderos })).toEqual(
          ejecutarSorteo(entrada),
        );
      }),
    );
  });

  it('la misma semilla da el mismo resultado, y la entrada no se modifica', () => {
    fc.assert(
      fc.property(entradaArb, (entrada) => {
        const copia = structuredClone(entrada);
        const congelada = congelar(structuredClone(entrada));
        expect(ejecutarSorteo(congelada)).toEqual(ejecutarSorteo(congelada));
        expect(congelada).toEqual(copia);
      }),
    );
  });

  it('semillas distintas dan clasificaciones distintas', () => {
    // 20 participants of equal weight: the same order by chance has probability 1/20!.
    const iguales = fc.uniqueArray(hex(12), { minLength: 20, maxLength: 20 });
    fc.assert(
      fc.property(iguales, hex(32), hex(32), (ids, semillaA, semillaB) => {
        fc.pre(semillaA !== semillaB);
        const participantes = ids.map((solicitudId) => ({ ...PARTICIPANTE_BASE, solicitudId }));
        const orden = (semilla: string): string[] =>
          ejecutarSorteo({
            semilla,
            participantes,
            parqueaderos: [],
            config: CONFIG_PLANA,
          }).participantes.map((p) => p.solicitudId);
        expect(orden(semillaA)).not.toEqual(orden(semillaB));
      }),
    );
  });
});

const PARTICIPANTE_BASE = {
  tipoVehiculo: 'carro',
  discapacidad: false,
  adultoMayor: false,
  sinAsignacionPrevia: false,
  aniosResidencia: 0,
} as const;

const CONFIG_PLANA: ConfigPrioridad = {
  ...CONFIG_PRIORIDAD_POR_DEFECTO,
  pesos: {
    discapacidad: 1,
    adultoMayor: 1,
    sinAsignacionPrevia: 1,
    antiguedadPorAnio: 0,
    antiguedadMaxAnios: 0,
  },
  edadAdultoMayor: 60,
  requiereAlDia: false,
};
