import { Injectable } from '@nestjs/common';
import type { LineaCongelada } from './convocatoria.entity';
import { ConvocatoriasRepository } from './convocatorias.repository';

/** What the close's e-mail needs of a closed convocatoria. */
export interface CierreParaAviso {
  nombre: string;
  insumosHash: string;
  bloques: number;
}

/**
 * Read-only access to what a close froze, for the notifications (the only export of the draw's
 * module): the header's public fields and the frozen lines, one stored chunk at a time.
 */
@Injectable()
export class CierresParaAviso {
  constructor(private readonly repo: ConvocatoriasRepository) {}

  async cierre(convocatoriaId: string): Promise<CierreParaAviso | null> {
    const c = await this.repo.buscar(convocatoriaId);
    if (!c?.cierre || c.estado === 'abierta') return null;
    return {
      nombre: c.nombre,
      insumosHash: c.cierre.insumosHash,
      bloques: c.cierre.bloques.participantes,
    };
  }

  async *lineas(convocatoriaId: string, bloques: number): AsyncGenerator<LineaCongelada[]> {
    for (let i = 0; i < bloques; i++)
      yield this.repo.leerBloque(convocatoriaId, 'participantes', i);
  }

  /** Convocatorias closed since `desde` (a handful a year: the newest page is enough). */
  async cerradasDesde(desde: Date): Promise<string[]> {
    const { data } = await this.repo.listar(1, 100);
    return data.filter((c) => c.cierre && c.cierre.cerradaEn >= desde).map((c) => c.id);
  }
}
