import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Cronometro } from 'src/shared/utils/cronometro';
import { ParqueaderosService } from 'src/modules/parqueaderos/parqueaderos.service';
import { sorteoAjustes } from './sorteo-ajustes.config';
import { TurnoEnCurso, TurnosService } from 'src/core/turnos/turnos.service';
import { copiarConfig } from 'src/shared/dominio/config-prioridad';
import { ejecutarSorteo } from './core/ejecutar-sorteo';
import type { ParqueaderoEntrada } from './core/tipos';
import { AplicacionSorteoService } from './aplicacion-sorteo.service';
import { aGuardados, desenlaces } from './preparacion';
import { InsumosDelSorteoService } from './insumos-del-sorteo.service';
import { EjecucionConvocatoriaService } from './convocatorias/ejecucion-convocatoria.service';
import { convocatoriaActiva } from './convocatorias/convocatorias.errors';
import { RecuperacionService } from './recuperacion.service';
import { FuenteSemilla, RelojSorteo } from './reloj-sorteo';
import type { CabeceraSorteo, ResultadoCompleto } from './resultado.entity';
import { semillaManualDeshabilitada, sinParqueaderos } from './sorteo.errors';
import { turnoPerdido } from 'src/shared/errors/sorteo-en-curso';
import { SorteosRepository } from './sorteos.repository';
import { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { entradaDeSorteo } from './auditoria-sorteo';
import { auditoriaDeDecision, entradaConfirmada } from './auditoria-de-turno';

export interface ParametrosDelSorteo {
  nombre: string;
  /** Absent: every active spot of the inventory (API.md). */
  parqueaderos?: ParqueaderoEntrada[];
  semilla?: string;
}

/**
 * POST /sorteo/ejecutar, immediate or announced (a convocatoria's). The steps, each safe to interrupt:
 *  1. take the next turn of the draw sequence (an insert: one winner across instances);
 *  2. finish or undo whatever dead holders left behind;
 *  3. read the approved solicitudes and reserve each one (an insert per solicitud, so a racing
 *     cancellation either wins before and the solicitud stays out, or loses and gets 409); an
 *     announced draw instead reads what its convocatoria's close froze and reserved;
 *  4. compute, then store the chunks and the header as `preparando` (invisible);
 *  5. insert the decision `confirmar` (the commit point: from here on the draw will be completed
 *     by whoever gets there, this request or a recovery);
 *  6. apply the outcomes to the solicitudes and mark the header `completo` (visible).
 * A failure before 5 undoes everything; after 5 it leaves the rest to the recovery.
 */
@Injectable()
export class SorteoService {
  private readonly logger = new Logger('Sorteo');

  constructor(
    private readonly turnos: TurnosService,
    private readonly aplicacion: AplicacionSorteoService,
    private readonly recuperacion: RecuperacionService,
    private readonly repo: SorteosRepository,
    private readonly insumos: InsumosDelSorteoService,
    private readonly convocatorias: EjecucionConvocatoriaService,
    private readonly inventario: ParqueaderosService,
    private readonly reloj: RelojSorteo,
    private readonly fuenteSemilla: FuenteSemilla,
    @Inject(sorteoAjustes.KEY) private readonly ajustes: ConfigType<typeof sorteoAjustes>,
    private readonly auditoria: AuditoriaService,
  ) {}

  async ejecutar(p: ParametrosDelSorteo, usuarioId: string): Promise<ResultadoCompleto> {
    if (p.semilla !== undefined && !this.ajustes.semillaManual) throw semillaManualDeshabilitada();
    // Decided once, before the turn: the result stores its own copy of these spots.
    const parqueaderos = p.parqueaderos ?? (await this.inventario.activosParaSorteo());
    if (parqueaderos.length === 0) throw sinParqueaderos();
    return this.correr(this.repo.idNuevo(), async (turno, sorteoId, crono) => {
      // Under the turn: a close cannot slip in between this check and the reservations.
      if (await this.convocatorias.hayUnaCerrada()) throw convocatoriaActiva();
      return this.preparar(turno, sorteoId, { ...p, parqueaderos }, usuarioId, crono);
    });
  }

  /** The announced draw of a `cerrada` convocatoria, on its frozen inputs (no new reservation). */
  async ejecutarConvocatoria(
    convocatoriaId: string,
    valoresPublicos: string[],
    usuarioId: string,
  ): Promise<ResultadoCompleto> {
    const { idSorteo, canonicos } = await this.convocatorias.validar(
      convocatoriaId,
      valoresPublicos,
      this.reloj.ahora(),
    );
    return this.correr(idSorteo, async (turno, sorteoId, crono) => {
      const d = await this.convocatorias.preparar(
        convocatoriaId,
        canonicos,
        usuarioId,
        this.reloj.ahora(),
      );
      crono.marca('calcular');
      turno.vigente();
      const cabecera = await this.guardar(sorteoId, turno.numero, d);
      crono.marca('guardar');
      const { parqueaderos, participantes, excluidas } = d;
      return { cabecera, parqueaderos, participantes, excluidas };
    });
  }

  /** Steps 1, 2, 5 and 6 around a preparation (3 and 4), the same for every kind of draw. */
  private async correr(
    sorteoId: string,
    preparar: (
      turno: TurnoEnCurso,
      sorteoId: string,
      crono: Cronometro,
    ) => Promise<ResultadoCompleto>,
  ): Promise<ResultadoCompleto> {
    const turno = await this.turnos.adquirir('sorteo', sorteoId);
    let confirmado = false;
    try {
      const crono = new Cronometro();
      await this.aplicacion.recuperar(turno.previos);
      crono.marca('recuperar');
      const preparado = await preparar(turno, sorteoId, crono);
      turno.vigente();
      const decision = await turno.decidir('confirmar', {
        auditoria: auditoriaDeDecision(entradaDeSorteo(preparado.cabecera)),
      });
      if (decision.valor !== 'confirmar') throw turnoPerdido();
      confirmado = true;
      crono.marca('confirmar');
      await this.aplicacion.completar(
        sorteoId,
        desenlaces(preparado.participantes, preparado.excluidas),
      );
      // Before the turn ends: a crash in between leaves the turn to a recovery, which records it.
      await this.auditoria.registrar(entradaConfirmada(decision));
      await turno.terminar();
      crono.marca('aplicar');
      const { resumen } = preparado.cabecera;
      this.logger.log(
        `Sorteo ${sorteoId}: ${resumen.participantes} participantes, ${resumen.excluidos} excluidas; ` +
          crono.resumen(),
      );
      return { ...preparado, cabecera: { ...preparado.cabecera, estado: 'completo' } };
    } catch (err) {
      await this.alFallar(turno, sorteoId, confirmado);
      throw err;
    }
  }

  private alFallar(turno: TurnoEnCurso, sorteoId: string, confirmado: boolean): Promise<void> {
    return turno.cerrarTrasFallo(
      confirmado,
      (d) =>
        d.valor === 'confirmar'
          ? this.aplicacion.completar(sorteoId)
          : this.aplicacion.deshacer(sorteoId),
      () => this.recuperacion.programar(),
    );
  }

  private async preparar(
    turno: TurnoEnCurso,
    sorteoId: string,
    p: ParametrosDelSorteo & { parqueaderos: ParqueaderoEntrada[] },
    usuarioId: string,
    crono: Cronometro,
  ): Promise<ResultadoCompleto> {
    const ejecutadoEn = this.reloj.ahora();
    const semilla = p.semilla ?? this.fuenteSemilla.generar();
    const { config, entradas, datos, excluidas } = await this.insumos.reunir(
      turno,
      sorteoId,
      ejecutadoEn,
      crono,
    );
    const calculado = ejecutarSorteo({
      semilla,
      participantes: entradas,
      parqueaderos: p.parqueaderos,
      config,
    });
    const participantes = aGuardados(calculado.participantes, datos);
    crono.marca('calcular');
    turno.vigente();
    const cabecera = await this.guardar(sorteoId, turno.numero, {
      nombre: p.nombre,
      ejecutadoEn,
      ejecutadoPor: usuarioId,
      algoritmo: calculado.algoritmo,
      origenSemilla: p.semilla === undefined ? 'servidor' : 'manual',
      semilla,
      insumosHash: calculado.insumosHash,
      convocatoria: null,
      config: copiarConfig(config),
      resumen: { ...calculado.resumen, excluidos: excluidas.length },
      parqueaderos: p.parqueaderos,
      participantes,
      excluidas,
    });
    crono.marca('guardar');
    return { cabecera, parqueaderos: p.parqueaderos, participantes, excluidas };
  }

  private async guardar(
    sorteoId: string,
    numeroTurno: number,
    d: Omit<CabeceraSorteo, 'id' | 'turno' | 'estado' | 'tamanoBloque' | 'bloques' | 'anulado'> &
      Omit<ResultadoCompleto, 'cabecera'>,
  ): Promise<CabeceraSorteo> {
    const tamano = this.ajustes.participantesPorBloque;
    // Chunks first, header last: a header always finds its chunks.
    const bloques = {
      participantes: await this.repo.insertarBloques(
        sorteoId,
        'participantes',
        d.participantes,
        tamano,
      ),
      excluidas: await this.repo.insertarBloques(sorteoId, 'excluidas', d.excluidas, tamano),
      parqueaderos: await this.repo.insertarBloques(
        sorteoId,
        'parqueaderos',
        d.parqueaderos,
        tamano,
      ),
    };
    const cabecera: CabeceraSorteo = {
      id: sorteoId,
      turno: numeroTurno,
      estado: 'preparando',
      nombre: d.nombre,
      ejecutadoEn: d.ejecutadoEn,
      ejecutadoPor: d.ejecutadoPor,
      algoritmo: d.algoritmo,
      origenSemilla: d.origenSemilla,
      semilla: d.semilla,
      insumosHash: d.insumosHash,
      convocatoria: d.convocatoria,
      config: d.config,
      resumen: d.resumen,
      tamanoBloque: tamano,
      bloques,
      anulado: null,
    };
    await this.repo.insertarCabecera(cabecera);
    return cabecera;
  }
}
