import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ejecutarSorteo } from './ejecutar-sorteo';
import {
  actuales,
  aplicarMovimiento,
  candidatos,
  conMovimientos,
  type Evaluado,
  grupoDeRenuncia,
  type Movimiento,
  OMISION_EN_MORA,
  OMISION_FUERA_DE_LISTA,
  reproducir,
} from './movimientos';
import type { EntradaSorteo, ParticipanteEntrada } from './tipos';
import { ENTRADA_VECTOR } from './vector-prueba';
import { verificarMovimientos } from './verificar-movimientos';

const SCRIPT = join(__dirname, '../../../../scripts/verificar-sorteo.mjs');

async function script(...archivos: string[]): Promise<{ codigo: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, ...archivos]);
    return { codigo: 0, stdout };
  } catch (error) {
    const fallo = error as { code: number; stdout: string };
    return { codigo: fallo.code, stdout: fallo.stdout };
  }
}

/** 60 participants (some with a disability) for 40 spots, 6 of them reserved. */
function entrada(): EntradaSorteo {
  const participantes: ParticipanteEntrada[] = Array.from({ length: 60 }, (_, i) => ({
    solicitudId: (0x665f1b00 * 2 ** 32 + i * 104729).toString(16).padStart(24, '0'),
    tipoVehiculo: i % 5 === 0 ? 'moto' : 'carro',
    discapacidad: i % 7 === 0 && i % 5 !== 0,
    adultoMayor: i % 4 === 0,
    sinAsignacionPrevia: i % 3 === 0,
    aniosResidencia: i % 17,
  }));
  const parqueaderos = Array.from({ length: 40 }, (_, i) => ({
    codigo: `P-${i}`,
    tipo: i % 8 === 0 ? ('moto' as const) : ('carro' as const),
    discapacidad: i % 8 !== 0 && i % 6 === 1,
  }));
  return { ...ENTRADA_VECTOR, participantes, parqueaderos };
}

/** Every holder renounces in turn; some candidates are in arrears, some left the list. */
function movimientosDe(
  e: EntradaSorteo,
  participantes: ReturnType<typeof ejecutarSorteo>['participantes'],
): Movimiento[] {
  const movs: Movimiento[] = [];
  const titulares = participantes.filter((p) => p.parqueadero !== null).map((p) => p.solicitudId);
  titulares.forEach((solicitudId) => {
    const t = reproducir(participantes, movs);
    const parqueadero = t.parqueaderoDe.get(solicitudId)!;
    const siguiente = t.siguiente;
    aplicarMovimiento(t, {
      n: siguiente,
      tipo: 'renuncia',
      solicitudId,
      parqueadero,
      motivo: 'RENUNCIA',
    });
    const spot = e.parqueaderos.find((s) => s.codigo === parqueadero)!;
    const evaluados: Evaluado[] = [];
    for (const c of candidatos(participantes, t, spot)) {
      const n = parseInt(c.solicitudId.slice(-4), 16);
      const omision =
        c.posicionEspera! % 4 === 2 ? OMISION_FUERA_DE_LISTA : n % 3 === 0 ? OMISION_EN_MORA : null;
      evaluados.push({ solicitudId: c.solicitudId, omision });
      if (omision === null) break;
    }
    movs.push(
      ...grupoDeRenuncia(
        { siguiente },
        { solicitudId, parqueadero, motivo: 'RENUNCIA' },
        evaluados,
      ),
    );
  });
  return movs;
}

describe('scripts/verificar-sorteo.mjs with movimientos', () => {
  let carpeta: string;
  const escribir = async (nombre: string, contenido: unknown): Promise<string> => {
    const archivo = join(carpeta, nombre);
    await writeFile(archivo, JSON.stringify(contenido));
    return archivo;
  };
  const e = entrada();
  const r = ejecutarSorteo(e);
  const movs = movimientosDe(e, r.participantes);
  const mapa = actuales(movs);
  /** As GET /sorteo/resultados/:id shows it to an admin: participants as they stand now. */
  const resultado = {
    id: '6660aa000000000000000002',
    nombre: 'Con renuncias',
    algoritmo: r.algoritmo,
    semilla: e.semilla,
    insumosHash: r.insumosHash,
    config: e.config,
    parqueaderos: e.parqueaderos,
    participantes: r.participantes.map((p) => conMovimientos(p, mapa)),
    excluidas: [],
    resumen: { ...r.resumen, excluidos: 0 },
  };
  const pagina = (lista: Movimiento[]) => ({
    data: lista,
    meta: { total: lista.length, page: 1, limit: 100 },
  });

  beforeAll(async () => {
    carpeta = await mkdtemp(join(tmpdir(), 'verificar-movimientos-'));
  });
  afterAll(async () => {
    await rm(carpeta, { recursive: true, force: true });
  });

  it('the generated movimientos exercise omisiones, promotions and vacantes, and are valid', () => {
    const tipos = new Set(movs.map((m) => `${m.tipo}:${m.motivo ?? ''}`));
    expect([...tipos].sort()).toEqual([
      'omision:RESIDENTE_EN_MORA',
      'omision:SOLICITUD_FUERA_DE_LISTA',
      'promocion:',
      'renuncia:RENUNCIA',
      'vacante:',
    ]);
    expect(verificarMovimientos(r.participantes, e.parqueaderos, movs)).toEqual([]);
  });

  it('valid with the movimientos, split over two page files', async () => {
    const salida = await script(
      await escribir('resultado.json', resultado),
      await escribir('p1.json', pagina(movs.slice(0, 50))),
      await escribir('p2.json', pagina(movs.slice(50))),
    );
    expect(salida.codigo).toBe(0);
    expect(salida.stdout).toContain(`válido (60 participantes, ${movs.length} movimientos`);
  });

  it('without them the current outcome is not the draw’s: exit 1 and a hint', async () => {
    const salida = await script(await escribir('resultado.json', resultado));
    expect(salida.codigo).toBe(1);
    expect(salida.stdout).toContain('pase también las páginas');
  });

  it('a tampered promotion: the same first difference as verificarMovimientos', async () => {
    const k = movs.findIndex((m) => m.tipo === 'promocion');
    const otro = r.participantes.find(
      (p) => p.posicionEspera !== null && p.solicitudId !== movs[k].solicitudId,
    )!;
    const malos = movs.map((m, i) => (i === k ? { ...m, solicitudId: otro.solicitudId } : m));
    const salida = await script(
      await escribir('resultado.json', resultado),
      await escribir('malos.json', malos),
    );
    expect(salida.codigo).toBe(1);
    const esperado = verificarMovimientos(r.participantes, e.parqueaderos, malos);
    expect(esperado.length).toBeGreaterThan(0);
    expect(salida.stdout).toContain(esperado[0]);
  });
});
