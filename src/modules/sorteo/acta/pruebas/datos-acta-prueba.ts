import { spawn } from 'node:child_process';
import { ejecutarSorteo } from 'src/modules/sorteo/core/ejecutar-sorteo';
import { ENTRADA_VECTOR, INSUMOS_HASH_VECTOR } from 'src/modules/sorteo/core/vector-prueba';
import type { MovimientoGuardado } from 'src/modules/sorteo/renuncias/movimiento.entity';
import type { CabeceraSorteo, ParticipanteGuardado } from 'src/modules/sorteo/resultado.entity';
import type { DatosActa } from '../datos-acta';
import { filasPorUnidad } from '../filas-acta';

/** Test data for the acta's specs: SORTEO.md's vector as a stored result, units V-101..V-107. */

export const FECHA_VECTOR = new Date('2026-06-15T12:00:00.000Z');

/** SORTEO.md's outcome as the acta prints it (torre, apartamento, resultado, spot or position). */
export const FILAS_VECTOR = [
  'V 101 asignada S1-003',
  'V 102 asignada S1-002',
  'V 103 no_asignada 1',
  'V 104 no_asignada 2',
  'V 105 asignada S1-001',
  'V 106 no_asignada 1',
  'V 107 asignada M-01',
];

export function cabeceraVector(cambios: Partial<CabeceraSorteo> = {}): CabeceraSorteo {
  return {
    id: '665f1a00000000000000aaaa',
    turno: 1,
    estado: 'completo',
    nombre: 'Vector SORTEO.md',
    ejecutadoEn: FECHA_VECTOR,
    ejecutadoPor: '665f1a00000000000000bbbb',
    algoritmo: 'ES-SHA256-v1',
    origenSemilla: 'manual',
    semilla: ENTRADA_VECTOR.semilla,
    insumosHash: INSUMOS_HASH_VECTOR,
    convocatoria: null,
    config: ENTRADA_VECTOR.config,
    resumen: { participantes: 7, asignados: 4, enEspera: 3, excluidos: 0 },
    tamanoBloque: 1000,
    bloques: { participantes: 1, excluidas: 0, parqueaderos: 1 },
    anulado: null,
    ...cambios,
  };
}

/** The vector's outcome with everything private filled in, to prove none of it is printed. */
export function participantesVector(): ParticipanteGuardado[] {
  return ejecutarSorteo(ENTRADA_VECTOR).participantes.map((p) => {
    const k = p.solicitudId.slice(-2);
    return {
      ...p,
      version: 1,
      residenteId: `665f1a0000000000000010${k}`,
      residenteNombre: `Nombre Secreto ${k}`,
      unidad: { torre: 'V', apartamento: `1${k}` },
      placa: `PLK${k}9`,
    };
  });
}

async function* enBloques<T>(items: readonly T[], tamano: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += tamano) yield items.slice(i, i + tamano);
}

export async function datosVector(
  cambios: Partial<DatosActa> = {},
  participantes: readonly ParticipanteGuardado[] = participantesVector(),
  movimientos: readonly MovimientoGuardado[] = [],
): Promise<DatosActa> {
  return {
    cabecera: cabeceraVector(),
    movimientos,
    conjunto: 'Conjunto Residencial Los Almendros P.H.',
    urlVerificacion:
      'https://parknet.example.co/sorteo/resultados/665f1a00000000000000aaaa/verificar',
    parqueaderos: { carro: 3, reservados: 1, moto: 1 },
    filas: await filasPorUnidad(enBloques(participantes, 3), movimientos),
    ...cambios,
  };
}

/**
 * Runs in a child process: pdf.js (under pdf-parse, a devDependency) loads its worker with a
 * dynamic import, which Jest's module runtime refuses.
 */
const EXTRAER = `
const { PDFParse } = require('pdf-parse');
const partes = [];
process.stdin.on('data', (c) => partes.push(c)).on('end', async () => {
  const p = new PDFParse({ data: new Uint8Array(Buffer.concat(partes)) });
  const r = await p.getText();
  await p.destroy();
  process.stdout.write(JSON.stringify({ texto: r.text, paginas: r.total }));
});`;

/** The text a PDF reader extracts from `pdf` (pdf.js through pdf-parse), and its page count. */
export function textoDePdf(pdf: Buffer): Promise<{ texto: string; paginas: number }> {
  return new Promise((listo, fallo) => {
    const hijo = spawn(process.execPath, ['-e', EXTRAER], { cwd: process.cwd() });
    const salida: Buffer[] = [];
    const errores: Buffer[] = [];
    hijo.stdout.on('data', (c: Buffer) => salida.push(c));
    hijo.stderr.on('data', (c: Buffer) => errores.push(c));
    hijo.on('error', fallo);
    hijo.on('close', (codigo) => {
      if (codigo !== 0) fallo(new Error(`pdf-parse: ${Buffer.concat(errores).toString()}`));
      else
        listo(JSON.parse(Buffer.concat(salida).toString()) as { texto: string; paginas: number });
    });
    hijo.stdin.end(pdf);
  });
}
