import type { Readable } from 'node:stream';
import { ENTRADA_VECTOR, INSUMOS_HASH_VECTOR } from '../core/vector-prueba';
import type { MovimientoGuardado } from '../renuncias/movimiento.entity';
import type { ParticipanteGuardado } from '../resultado.entity';
import { escribirActa } from './acta-pdf';
import {
  cabeceraVector,
  datosVector,
  FECHA_VECTOR,
  FILAS_VECTOR,
  participantesVector,
  textoDePdf as texto,
} from './pruebas/datos-acta-prueba';

async function bytes(r: Readable): Promise<Buffer> {
  const partes: Buffer[] = [];
  for await (const c of r) partes.push(c as Buffer);
  return Buffer.concat(partes);
}

const idDelTrailer = (pdf: Buffer): string | undefined =>
  /\/ID \[<([0-9a-f]+)> <[0-9a-f]+>\]/.exec(pdf.toString('latin1'))?.[1];

const movimiento = (
  n: number,
  tipo: MovimientoGuardado['tipo'],
  solicitud: string | null,
  parqueadero: string,
  apto: string | null,
): MovimientoGuardado => ({
  n,
  tipo,
  solicitudId: solicitud ? `665f1a0000000000000000${solicitud}` : null,
  parqueadero,
  motivo: tipo === 'renuncia' ? 'RENUNCIA' : tipo === 'omision' ? 'RESIDENTE_EN_MORA' : null,
  unidad: apto ? { torre: 'V', apartamento: apto } : null,
  fecha: new Date(FECHA_VECTOR.getTime() + n * 86_400_000),
  por: '665f1a00000000000000bbbb',
  turno: 1 + n,
});

describe('escribirActa', () => {
  it('prints the seed, insumosHash, every unit with its outcome, and the verification URL', async () => {
    const d = await datosVector();
    const { texto: t } = await texto(await bytes(escribirActa(d)));
    expect(t).toContain(ENTRADA_VECTOR.semilla);
    expect(t).toContain(INSUMOS_HASH_VECTOR);
    expect(t).toContain(d.urlVerificacion);
    expect(t).toContain(d.conjunto);
    expect(t).toContain('node scripts/verificar-sorteo.mjs');
    for (const fila of FILAS_VECTOR) {
      expect(t.replace(/[ \t]+/g, ' ')).toContain(fila);
    }
    for (const firma of ['Administración', 'Revisor fiscal', 'Testigo 1', 'Testigo 2']) {
      expect(t).toContain(firma);
    }
  });

  it('never prints a name, a document, a placa or a priority attribute', async () => {
    const participantes = participantesVector();
    const pdf = await bytes(escribirActa(await datosVector({}, participantes)));
    const { texto: t } = await texto(pdf);
    for (const p of participantes) {
      expect(t).not.toContain(p.residenteNombre);
      expect(t).not.toContain(p.placa);
      expect(t).not.toContain(p.residenteId);
      expect(t).not.toContain(p.solicitudId);
      // Short weights (3, 1.5) also occur in the printed config.
      if (String(p.peso).length > 4) expect(t).not.toContain(String(p.peso));
      expect(t).not.toContain(String(p.clave));
    }
    expect(t).not.toMatch(/reservada/);
  });

  it('is the same bytes, /ID included, for the same inputs; another movimiento changes both', async () => {
    const a = await bytes(escribirActa(await datosVector()));
    const b = await bytes(escribirActa(await datosVector()));
    expect(a.equals(b)).toBe(true);
    expect(idDelTrailer(a)).toMatch(/^[0-9a-f]{32}$/);
    const otra = await bytes(
      escribirActa(
        await datosVector({}, undefined, [movimiento(1, 'renuncia', '01', 'S1-003', '101')]),
      ),
    );
    expect(otra.equals(a)).toBe(false);
    expect(idDelTrailer(otra)).not.toBe(idDelTrailer(a));
  });

  it('lists the movimientos, never with the unit of an omision, and notes them on the units', async () => {
    const movimientos = [
      movimiento(1, 'renuncia', '02', 'S1-002', '102'),
      movimiento(2, 'omision', '03', 'S1-002', '103'),
      movimiento(3, 'promocion', '04', 'S1-002', '104'),
      movimiento(4, 'renuncia', '05', 'S1-001', '105'),
      movimiento(5, 'vacante', null, 'S1-001', null),
    ];
    const { texto: t } = await texto(
      await bytes(escribirActa(await datosVector({}, undefined, movimientos))),
    );
    const plano = t.replace(/[ \t]+/g, ' ');
    expect(plano).toContain('1 Renuncia V 102 S1-002');
    expect(plano).toContain('2 Omisión S1-002');
    expect(plano).toContain('3 Promoción V 104 S1-002');
    expect(plano).toContain('5 Vacante S1-001');
    expect(plano).toContain('V 104 no_asignada 2 promovida a S1-002 (mov. 3)');
    expect(plano).toContain('V 102 asignada S1-002 renunció a S1-002 (mov. 1)');
    expect(plano).not.toMatch(/V 103 no_asignada 1 \S/);
  });

  it('shows the annulment and, for an announced draw, the whole seed derivation', async () => {
    const convocatoria = {
      id: '665f1a00000000000000cccc',
      cerradaEn: new Date('2026-06-01T00:00:00Z'),
      fuentesPublicas: [{ descripcion: 'Lotería de Bogotá del jueves, número ganador' }],
      valoresPublicos: ['4821'],
      compromisoServidor: 'b755ed18185d0448746c865d67220151f3a451b5e0cb6aa149aa2cac9448a426',
      secretoServidor: '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0',
    };
    const anulado = { motivo: 'Error en el inventario', por: 'f'.repeat(24), fecha: new Date() };
    const d = await datosVector({
      cabecera: cabeceraVector({ origenSemilla: 'convocatoria', convocatoria, anulado }),
    });
    const { texto: t } = await texto(await bytes(escribirActa(d)));
    expect(t).toContain('PARKNET-SEMILLA-v1');
    expect(t).toContain(convocatoria.compromisoServidor);
    expect(t).toContain(convocatoria.secretoServidor);
    expect(t).toContain('Lotería de Bogotá del jueves, número ganador');
    expect(t).toContain('valor 1: 4821');
    expect(t).toContain('ANULADO');
    expect(t).toContain('Error en el inventario');
  });

  it('repeats the table header on every page a long table reaches', async () => {
    const base = participantesVector()[1];
    const muchos: ParticipanteGuardado[] = Array.from({ length: 400 }, (_, i) => ({
      ...base,
      solicitudId: `665f1a00000000000001${String(i).padStart(4, '0')}`,
      unidad: { torre: `T${i % 4}`, apartamento: String(100 + i) },
      resultado: 'no_asignada',
      parqueadero: null,
      posicionEspera: i + 1,
    }));
    const { texto: t, paginas } = await texto(
      await bytes(escribirActa(await datosVector({}, muchos))),
    );
    const continuaciones = t.split('Carros: 400 participantes (continuación)').length - 1;
    expect(paginas).toBeGreaterThan(5);
    expect(continuaciones).toBeGreaterThanOrEqual(5);
    expect(t.split('Torre Apartamento Resultado').length - 1).toBe(continuaciones + 1);
    expect(t).toContain('T3 499');
  });
});
