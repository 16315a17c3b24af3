import { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { creacion } from 'src/modules/auditoria/entrada-auditoria';
import { Inject, Injectable } from '@nestjs/common';
import { ParqueaderosService } from 'src/modules/parqueaderos/parqueaderos.service';
import { sinParqueaderos } from '../sorteo.errors';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import {
  SOLICITUDES_DEL_SORTEO,
  type SolicitudesDelSorteo,
} from 'src/modules/solicitudes/solicitudes-del-sorteo.port';
import { NoEncontradoError, ValidacionError } from 'src/shared/errors/domain-error';
import type { Pagina } from 'src/shared/pagination/pagina';
import type { ParqueaderoEntrada } from '../core/tipos';
import { RelojSorteo } from '../reloj-sorteo';
import { CLAVE_ACTIVA } from './aplicacion-convocatoria.service';
import type { Convocatoria, FuentePublica, Vigencia } from './convocatoria.entity';
import { CONVOCATORIA_NO_EXISTE, convocatoriaActiva } from './convocatorias.errors';
import { ConvocatoriasRepository } from './convocatorias.repository';
import { bloquesDe, lineaPublica, type LineaPublica } from './lineas-congeladas';

export interface NuevaConvocatoria {
  nombre: string;
  parqueaderos?: ParqueaderoEntrada[];
  fuentesPublicas: FuentePublica[];
  fechaSorteo: Date;
  vigencia?: Vigencia;
}

/** Creating and reading convocatorias; closing, cancelling and drawing have their own services. */
@Injectable()
export class ConvocatoriasService {
  constructor(
    private readonly repo: ConvocatoriasRepository,
    private readonly reclamos: ReclamosRepository,
    private readonly saneador: SaneadorReclamos,
    private readonly reloj: RelojSorteo,
    private readonly inventario: ParqueaderosService,
    @Inject(SOLICITUDES_DEL_SORTEO) private readonly solicitudes: SolicitudesDelSorteo,
    private readonly auditoria: AuditoriaService,
  ) {}

  async crear(d: NuevaConvocatoria, usuarioId: string): Promise<Convocatoria> {
    const ahora = this.reloj.ahora();
    if (d.fechaSorteo.getTime() <= ahora.getTime())
      throw new ValidacionError('fechaSorteo debe ser una fecha futura.');
    if (d.vigencia && d.vigencia.desde.getTime() > d.vigencia.hasta.getTime())
      throw new ValidacionError('vigencia: desde no puede ser posterior a hasta.');
    // Without a list, the active inventory as it stands now: shown from creation and frozen with it,
    // so residents see which spots are in play before the close.
    const parqueaderos = d.parqueaderos ?? (await this.inventario.activosParaSorteo());
    if (parqueaderos.length === 0) throw sinParqueaderos();
    const c: Convocatoria = {
      id: this.repo.idNuevo(),
      idSorteo: this.repo.idNuevo(),
      nombre: d.nombre,
      estado: 'abierta',
      fechaSorteo: d.fechaSorteo,
      vigencia: d.vigencia ?? null,
      fuentesPublicas: d.fuentesPublicas,
      parqueaderos,
      cierre: null,
      sorteoId: null,
      cancelada: null,
      creadaPor: usuarioId,
      createdAt: new Date(),
    };
    // The claim first: a crash before the header leaves a claim whose owner does not exist,
    // which the next creation heals once it is old enough not to be a creation in flight.
    await this.reclamarActiva(c.id);
    try {
      await this.repo.insertar(c);
    } catch (err) {
      await this.reclamos.liberar([CLAVE_ACTIVA], c.id).catch(() => undefined);
      throw err;
    }
    await this.auditoria.registrar({
      actor: { id: usuarioId, rol: 'admin' },
      accion: 'convocatoria.creada',
      recurso: { tipo: 'convocatoria', id: c.id },
      cambios: creacion({
        nombre: c.nombre,
        estado: c.estado,
        fechaSorteo: c.fechaSorteo,
        vigencia: c.vigencia,
        fuentesPublicas: c.fuentesPublicas,
        parqueaderos: c.parqueaderos.length,
      }),
    });
    return c;
  }

  listar(page: number, limit: number): Promise<Pagina<Convocatoria>> {
    return this.repo.listar(page, limit);
  }

  async obtener(id: string): Promise<Convocatoria> {
    const c = await this.repo.buscar(id);
    if (!c) throw new NoEncontradoError(CONVOCATORIA_NO_EXISTE);
    return c;
  }

  /**
   * The caller's frozen lines: one read of their own solicitud ids, then only the chunks whose
   * range holds one of them (never a scan of every chunk). 404 when they have none.
   */
  async miParticipacion(id: string, residenteId: string): Promise<LineaPublica[]> {
    const c = await this.obtener(id);
    if (!c.cierre) throw new NoEncontradoError('Su participación en la convocatoria');
    const propias = new Set(await this.solicitudes.idsDeResidente(residenteId));
    const lineas: LineaPublica[] = [];
    for (const i of bloquesDe([...propias], c.cierre.primeros)) {
      for (const l of await this.repo.leerBloque(c.id, 'participantes', i)) {
        if (propias.has(l.solicitudId) && l.residenteId === residenteId)
          lineas.push(lineaPublica(l, c.cierre.config));
      }
    }
    if (lineas.length === 0) throw new NoEncontradoError('Su participación en la convocatoria');
    return lineas;
  }

  /** Held by a convocatoria still abierta or cerrada: 409; left by a finished or missing one: healed. */
  private async reclamarActiva(id: string): Promise<void> {
    for (let intento = 0; intento < 2; intento++) {
      if (await this.reclamos.reclamarUnaVez(CLAVE_ACTIVA, id)) return;
      const r = await this.reclamos.leer(CLAVE_ACTIVA);
      if (!r) continue;
      const duena = await this.repo.buscar(r.dueno);
      const vigente = duena
        ? duena.estado === 'abierta' || duena.estado === 'cerrada'
        : this.saneador.reciente(r.creadoEn);
      if (vigente) throw convocatoriaActiva();
      await this.reclamos.liberar([CLAVE_ACTIVA], r.dueno);
    }
    throw convocatoriaActiva();
  }
}
