import type { Readable } from 'node:stream';
import { participantesCsv } from './participantes-csv';
import { participantesVector } from './pruebas/datos-acta-prueba';

async function texto(r: Readable): Promise<string> {
  const partes: Buffer[] = [];
  for await (const c of r) partes.push(Buffer.from(c as Buffer));
  return Buffer.concat(partes).toString('utf8');
}

describe('participantesCsv', () => {
  const participantes = participantesVector();

  it('writes a BOM, a header and one CRLF line per participant, with every field for admins', async () => {
    const csv = await texto(participantesCsv(participantes, { rol: 'admin' }));
    expect(
      csv.startsWith('\ufeffsolicitudId,torre,apartamento,residenteId,residenteNombre,placa,'),
    ).toBe(true);
    const lineas = csv.split('\r\n');
    expect(lineas.at(-1)).toBe('');
    expect(lineas).toHaveLength(participantes.length + 2);
    const p = participantes[0];
    expect(lineas[1].split(',')).toEqual([
      p.solicitudId,
      'V',
      p.unidad.apartamento,
      p.residenteId,
      p.residenteNombre,
      p.placa,
      'carro',
      'true',
      'true',
      'true',
      '3',
      String(p.peso),
      String(p.numeroAleatorio),
      String(p.clave),
      'reservada',
      '1',
      'asignada',
      'S1-001',
      '',
    ]);
  });

  it('gives a resident only unit, type and outcome of other units, and no identity columns', async () => {
    const yo = participantes[2];
    const csv = await texto(
      participantesCsv(participantes, {
        rol: 'residente',
        residenteId: yo.residenteId,
        unidad: yo.unidad,
      }),
    );
    const [cabecera, ...filas] = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(cabecera).not.toMatch(/residente/);
    for (const [k, p] of participantes.entries()) {
      const celdas = filas[k].split(',');
      if (p === yo) {
        expect(celdas[0]).toBe(yo.solicitudId);
        expect(celdas[3]).toBe(yo.placa);
        continue;
      }
      expect(filas[k]).not.toContain(p.placa);
      expect(filas[k]).not.toContain(p.residenteNombre);
      expect([celdas[0], celdas[3], ...celdas.slice(5, 14)].every((c) => c === '')).toBe(true);
      expect(celdas[14]).toBe(p.resultado);
    }
  });
});
