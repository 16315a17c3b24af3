import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pagina } from 'src/shared/pagination/pagina';
import { PunterosResidenteRepository } from './punteros-residente.repository';
import type { SolicitudEntidad } from './solicitud.entity';
import { FiltroSolicitudes, SolicitudesRepository } from './solicitudes.repository';

/**
 * "My solicitudes" without a scan: the resident's pointers (schemas/puntero-residente.schema.ts)
 * and one read of those `_id`s, filtered, sorted and paged in memory (a resident has a handful
 * over the years). Solicitudes stored without pointers (written before this index existed, or by
 * a script) are listed by a backfill at every start; until it ends this instance uses the scan.
 */
@Injectable()
export class SolicitudesDeResidente implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SolicitudesDeResidente');
  private listo = false;
  private relleno: Promise<void> | null = null;
  private cerrado = false;

  constructor(
    private readonly repo: SolicitudesRepository,
    private readonly punteros: PunterosResidenteRepository,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: the start must not wait for a scan of the whole collection.
    this.iniciarRelleno();
  }

  onApplicationShutdown(): void {
    this.cerrado = true;
  }

  /** Written before the solicitud: a crash in between leaves a pointer readers skip, never a miss. */
  anotar(residenteId: string, solicitudId: string): Promise<void> {
    return this.punteros.anotar(residenteId, solicitudId);
  }

  async listar(
    f: FiltroSolicitudes,
    residenteId: string,
    page: number,
    limit: number,
  ): Promise<Pagina<SolicitudEntidad>> {
    if (!this.listo) {
      this.iniciarRelleno();
      return this.repo.listar(f, { tipo: 'residente', residenteId }, page, limit);
    }
    // A resident filtering by someone else's id asks for the intersection: nothing.
    if (f.residenteId && f.residenteId !== residenteId)
      return { data: [], meta: { total: 0, page, limit } };
    const leidas = await this.repo.porIds(await this.punteros.ids(residenteId));
    const suyas = leidas
      .filter((s) => s.residenteId === residenteId)
      .filter((s) => cumple(s, f))
      // The scan's order: `_id` descending (hex strings of one length compare like the ids).
      .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const desde = (page - 1) * limit;
    return { data: suyas.slice(desde, desde + limit), meta: { total: suyas.length, page, limit } };
  }

  private iniciarRelleno(): void {
    if (this.relleno || this.cerrado) return;
    this.relleno = this.rellenar().then(
      () => {
        this.listo = true;
      },
      (err: unknown) => {
        this.relleno = null;
        if (!this.cerrado) this.logger.error(`Índice de solicitudes por residente: ${String(err)}`);
      },
    );
  }

  /** Lists every solicitud that has no pointer yet: one scan of each collection, bulk inserts. */
  private async rellenar(): Promise<void> {
    const [duenos, { listados, porResidente }] = await Promise.all([
      this.repo.duenos(),
      this.punteros.todosLosListados(),
    ]);
    const faltan = duenos.filter((d) => !listados.has(d.id));
    if (this.cerrado) return;
    await this.punteros.anotarVarias(faltan, porResidente);
    if (faltan.length > 0) this.logger.log(`${faltan.length} solicitudes añadidas al índice.`);
  }
}

function cumple(s: SolicitudEntidad, f: FiltroSolicitudes): boolean {
  return (
    (!f.estado || s.estado === f.estado) &&
    (!f.tipo || s.vehiculo.tipo === f.tipo) &&
    (!f.torre || s.unidad.torre === f.torre) &&
    (!f.sorteoId || s.sorteoId === f.sorteoId)
  );
}
