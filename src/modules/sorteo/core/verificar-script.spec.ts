import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ejecutarSorteo } from './ejecutar-sorteo';
import type { EntradaSorteo, ParticipanteEntrada, ParticipanteSorteado } from './tipos';
import { ENTRADA_VECTOR, INSUMOS_HASH_VECTOR } from './vector-prueba';
import { verificarSorteo } from './verificar-sorteo';
import { compromisoDe } from './semilla-anunciada';

/** SORTEO.md's announced-draw vector. */
const SECRETO = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';
const SEMILLA_ANUNCIADA = '71098a2aa72f380aa64ea0d0b46ff6924fff73dbae6a8510810d81541c5e9f0e';

const SCRIPT = join(__dirname, '../../../../scripts/verificar-sorteo.mjs');

interface Salida {
  codigo: number;
  stdout: string;
  stderr: string;
}

async function verificarConScript(archivo: string): Promise<Salida> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, archivo]);
    return { codigo: 0, stdout, stderr };
  } catch (error) {
    const fallo = error as { code: number; stdout: string; stderr: string };
    return { codigo: fallo.code, stdout: fallo.stdout, stderr: fallo.stderr };
  }
}

/** A result shaped like GET /sorteo/resultados/:id for an admin, extra fields included. */
function comoLaApi(
  entrada: EntradaSorteo,
): Record<string, unknown> & { participantes: ParticipanteSorteado[] } {
  const resultado = ejecutarSorteo(entrada);
  return {
    id: '6660aa000000000000000001',
    nombre: 'Sorteo de prueba',
    ejecutadoEn: '2024-06-01T15:00:00.000Z',
    ejecutadoPor: '6660aa000000000000000009',
    algoritmo: resultado.algoritmo,
    semilla: entrada.semilla,
    insumosHash: resultado.insumosHash,
    config: entrada.config,
    parqueaderos: entrada.parqueaderos,
    participantes: resultado.participantes.map((p, i) => ({
      ...p,
      unidad: { torre: 'A', apartamento: String(101 + i) },
      placa: `ABC${String(100 + i)}`,
      residente: { id: '6660aa000000000000000010', nombre: 'Residente' },
    })),
    excluidas: [],
    resumen: { ...resultado.resumen, excluidos: 0 },
    anulado: null,
  };
}

/** Deterministic but varied: several reserved spots and more participants than spots. */
function entradaGrande(): EntradaSorteo {
  const participantes: ParticipanteEntrada[] = Array.from({ length: 300 }, (_, i) => ({
    solicitudId: (0x665f1a00 * 2 ** 32 + i * 7919).toString(16).padStart(24, '0'),
    tipoVehiculo: i % 4 === 0 ? 'moto' : 'carro',
    discapacidad: i % 9 === 0,
    adultoMayor: i % 5 === 0,
    sinAsignacionPrevia: i % 3 === 0,
    aniosResidencia: i % 23,
  }));
  const parqueaderos = Array.from({ length: 60 }, (_, i) => ({
    codigo: `${i % 2 ? 'b' : 'B'}-${i}`,
    tipo: i % 5 === 0 ? ('moto' as const) : ('carro' as const),
    discapacidad: i % 5 !== 0 && i % 7 === 1,
  }));
  return { ...ENTRADA_VECTOR, participantes, parqueaderos };
}

describe('scripts/verificar-sorteo.mjs', () => {
  let carpeta: string;
  const escribir = async (nombre: string, contenido: unknown): Promise<string> => {
    const archivo = join(carpeta, nombre);
    await writeFile(archivo, JSON.stringify(contenido));
    return archivo;
  };

  beforeAll(async () => {
    carpeta = await mkdtemp(join(tmpdir(), 'verificar-sorteo-'));
  });
  afterAll(async () => {
    await rm(carpeta, { recursive: true, force: true });
  });

  it('da por válido el vector de prueba y sale con 0', async () => {
    const salida = await verificarConScript(
      await escribir('vector.json', comoLaApi(ENTRADA_VECTOR)),
    );
    expect(salida.codigo).toBe(0);
    expect(salida.stdout).toContain(`válido (7 participantes, insumosHash ${INSUMOS_HASH_VECTOR})`);
  });

  it('da por válido un sorteo grande con etapa reservada y lista de espera', async () => {
    const salida = await verificarConScript(
      await escribir('grande.json', comoLaApi(entradaGrande())),
    );
    expect(salida).toEqual({
      codigo: 0,
      stdout: expect.stringContaining('válido (300 participantes') as string,
      stderr: '',
    });
  });

  it('en una copia alterada sale con 1 y lista las mismas diferencias que verificarSorteo', async () => {
    const sorteo = comoLaApi(entradaGrande());
    const alterados = sorteo.participantes.map((p, i) =>
      i === 3 ? { ...p, clave: p.clave / 2 } : i === 40 ? { ...p, adultoMayor: !p.adultoMayor } : p,
    );
    const alterado = { ...sorteo, participantes: alterados.filter((_, i) => i !== 100) };
    const salida = await verificarConScript(await escribir('alterado.json', alterado));
    expect(salida.codigo).toBe(1);
    const lineas = salida.stdout
      .split('\n')
      .filter((l) => l.startsWith('  - '))
      .map((l) => l.slice(4));
    const { diferencias } = verificarSorteo(
      alterado as unknown as Parameters<typeof verificarSorteo>[0],
    );
    expect(diferencias.length).toBeGreaterThan(3);
    expect(lineas).toEqual(diferencias);
  });

  it('detecta en el vector una clave alterada y un participante quitado', async () => {
    const sorteo = comoLaApi(ENTRADA_VECTOR);
    const participantes = sorteo.participantes
      .filter((p) => !p.solicitudId.endsWith('03'))
      .map((p) => (p.solicitudId.endsWith('01') ? { ...p, clave: -0.3 } : p));
    const salida = await verificarConScript(
      await escribir('vector-alterado.json', { ...sorteo, participantes }),
    );
    expect(salida.codigo).toBe(1);
    expect(salida.stdout).toContain(
      '665f1a000000000000000001, clave: valor almacenado -0.3, valor recalculado -0.2906579791002598',
    );
    expect(salida.stdout).toContain(`insumosHash: valor almacenado "${INSUMOS_HASH_VECTOR}"`);
    expect(salida.stdout).toContain(
      'resumen.participantes: valor almacenado 7, valor recalculado 6',
    );
  });

  it('verifica un sorteo por niveles (NIVELES-SHA256-v1) del vector de SORTEO.md', async () => {
    const entrada = {
      ...ENTRADA_VECTOR,
      config: { ...ENTRADA_VECTOR.config, modo: 'niveles' as const },
    };
    const sorteo = comoLaApi(entrada);
    expect(sorteo.algoritmo).toBe('NIVELES-SHA256-v1');
    expect((await verificarConScript(await escribir('niveles.json', sorteo))).codigo).toBe(0);
    const comoPonderado = { ...sorteo, algoritmo: 'ES-SHA256-v1' };
    const salida = await verificarConScript(await escribir('niveles-mal.json', comoPonderado));
    expect(salida.codigo).toBe(1);
    expect(salida.stdout).toContain('corresponde a NIVELES-SHA256-v1');
  });

  it('en un sorteo anunciado comprueba el compromiso y la derivación de la semilla', async () => {
    const anunciado = {
      ...comoLaApi({ ...ENTRADA_VECTOR, semilla: SEMILLA_ANUNCIADA }),
      origenSemilla: 'convocatoria',
      convocatoria: {
        id: '6660aa000000000000000002',
        compromisoServidor: compromisoDe(SECRETO),
        secretoServidor: SECRETO,
        valoresPublicos: ['  4821 ', 'serie  045', 'Testigo: bolita 17'],
      },
    };
    const valido = await verificarConScript(await escribir('anunciado.json', anunciado));
    expect(valido.codigo).toBe(0);
    const otroSecreto = { ...anunciado.convocatoria, secretoServidor: 'f'.repeat(64) };
    const falso = await verificarConScript(
      await escribir('anunciado-mal.json', { ...anunciado, convocatoria: otroSecreto }),
    );
    expect(falso.codigo).toBe(1);
    expect(falso.stdout).toContain('no corresponde al compromiso');
    expect(falso.stdout).toContain('semilla: valor almacenado');
    const otroValor = {
      ...anunciado.convocatoria,
      valoresPublicos: ['4822', 'SERIE 045', 'TESTIGO: BOLITA 17'],
    };
    const cambiado = await verificarConScript(
      await escribir('anunciado-valor.json', { ...anunciado, convocatoria: otroValor }),
    );
    expect(cambiado.codigo).toBe(1);
    expect(cambiado.stdout).toContain(`semilla: valor almacenado "${SEMILLA_ANUNCIADA}"`);
  });

  it('sale con 1 si el archivo no existe', async () => {
    const salida = await verificarConScript(join(carpeta, 'no-existe.json'));
    expect(salida.codigo).toBe(1);
    expect(salida.stderr).toContain('No se pudo verificar');
  });
});
