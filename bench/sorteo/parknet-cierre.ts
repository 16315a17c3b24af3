import { BenchDb } from '../lib/databases';
import { Spot } from '../lib/seed-sorteo';
import { logLines, withParkNet } from './parknet-draw';

const COLOR_ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

export interface CloseRun {
  /** POST /sorteo/convocatorias/:id/cerrar, from request to last byte (the body is one header). */
  ms: number;
  peakRssMb: number | null;
  resumen: unknown;
  /** The server's `[Convocatorias]` lines, colour codes removed (the close logs its phases). */
  log: string;
}

/**
 * A fresh ParkNet on `db`: creates a convocatoria (untimed) and times its close, which reads and
 * reserves every approved solicitud, classifies them and stores the frozen inputs.
 */
export function parknetCierre(db: BenchDb, parqueaderos: Spot[]): Promise<CloseRun> {
  return withParkNet(db, async ({ server, pedir }) => {
    const creada = await pedir('POST', '/sorteo/convocatorias', {
      nombre: 'Convocatoria de referencia',
      parqueaderos,
      fuentesPublicas: [{ descripcion: 'Número de 4 cifras sacado por testigos en la asamblea' }],
      fechaSorteo: new Date(Date.now() + 86_400_000).toISOString(),
    });
    if (creada.status !== 201) {
      throw new Error(
        `POST /sorteo/convocatorias answered ${creada.status}: ${JSON.stringify(creada.body)}`,
      );
    }
    const id = (creada.body as { id: string }).id;
    const t0 = process.hrtime.bigint();
    const r = await pedir('POST', `/sorteo/convocatorias/${id}/cerrar`);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 200) {
      throw new Error(`POST .../cerrar answered ${r.status}: ${JSON.stringify(r.body)}`);
    }
    return {
      ms: Math.round(ms),
      peakRssMb: server.peakRssMb(),
      resumen: (r.body as { resumen?: unknown }).resumen,
      log: logLines(server, '[Convocatorias]').replace(COLOR_ANSI, ''),
    };
  });
}
