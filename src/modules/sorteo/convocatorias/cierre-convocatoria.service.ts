import { auditoriaDeDecision, entradaConfirmada } from '../auditoria-de-turno';
import { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { TurnoEnCurso, TurnosService } from 'src/core/turnos/turnos.service';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import { turnoPerdido } from 'src/shared/errors/sorteo-en-curso';
import { Cronometro } from 'src/shared/utils/cronometro';
import { AplicacionSorteoService } from '../aplicacion-sorteo.service';
import { insumosHashOrdenados } from '../core/insumos-hash';
import { compromisoDe } from '../core/semilla-anunciada';
import { InsumosDelSorteoService } from '../insumos-del-sorteo.service';
import { RecuperacionService } from '../recuperacion.service';
import { RelojSorteo } from '../reloj-sorteo';
import { sorteoAjustes } from '../sorteo-ajustes.config';
import { AplicacionConvocatoriaService } from './aplicacion-convocatoria.service';
import type { Convocatoria, PublicadoAlCierre } from './convocatoria.entity';
import {
  CONVOCATORIA_NO_EXISTE,
  convocatoriaFinalizada,
  convocatoriaVencida,
  convocatoriaYaCerrada,
} from './convocatorias.errors';
import { ConvocatoriasRepository } from './convocatorias.repository';
import { FuenteSecreto } from './fuente-secreto';
import { congelar, primerosDeBloques, resumenDe } from './lineas-congeladas';

/**
 * POST /sorteo/convocatorias/:id/cerrar, under a draw-lock turn like a draw:
 *  1. take the turn (type `cierre`, named by the reserved draw id) and recover dead turns;
 *  2. read and reserve the approved solicitudes exactly as a draw does, the claims marked with
 *     the convocatoria (changes to them then get 409 CONVOCATORIA_CERRADA);
 *  3. classify at `cerradaEn`, compute `insumosHash`, draw the secret;
 *  4. store the frozen chunks, the secret and the pending close record (nothing visible yet);
 *  5. insert the decision `confirmar` (the commit point), then publish the header.
 * A failure before 5 undoes everything (reservations released); after 5 the recovery publishes.
 */
@Injectable()
export class CierreConvocatoriaService {
  private readonly logger = new Logger('Convocatorias');

  constructor(
    private readonly turnos: TurnosService,
    private readonly aplicacion: AplicacionSorteoService,
    private readonly recuperacion: RecuperacionService,
    private readonly insumos: InsumosDelSorteoService,
    private readonly repo: ConvocatoriasRepository,
    private readonly convocatorias: AplicacionConvocatoriaService,
    private readonly fuenteSecreto: FuenteSecreto,
    private readonly reloj: RelojSorteo,
    @Inject(sorteoAjustes.KEY) private readonly ajustes: ConfigType<typeof sorteoAjustes>,
    private readonly auditoria: AuditoriaService,
  ) {}

  async cerrar(id: string, usuarioId: string): Promise<Convocatoria> {
    const previa = await this.repo.buscar(id);
    if (!previa) throw new NoEncontradoError(CONVOCATORIA_NO_EXISTE);
    const turno = await this.turnos.adquirir('cierre', previa.idSorteo);
    let confirmado = false;
    try {
      const crono = new Cronometro();
      await this.aplicacion.recuperar(turno.previos);
      const c = await this.repo.buscar(id);
      if (!c) throw new NoEncontradoError(CONVOCATORIA_NO_EXISTE);
      exigirAbierta(c);
      const cerradaEn = this.reloj.ahora();
      if (cerradaEn.getTime() >= c.fechaSorteo.getTime()) throw convocatoriaVencida(c.fechaSorteo);
      const publicado = await this.congelar(turno, c, cerradaEn, crono);
      turno.vigente();
      const decision = await turno.decidir('confirmar', {
        // What is public from the close (never the server's secret, revealed only by the draw).
        auditoria: auditoriaDeDecision({
          actor: { id: usuarioId, rol: 'admin' },
          accion: 'convocatoria.cerrada',
          recurso: { tipo: 'convocatoria', id: c.id },
          fecha: cerradaEn,
          cambios: {
            estado: { antes: c.estado, despues: 'cerrada' },
            insumosHash: { antes: null, despues: publicado.insumosHash },
            compromisoServidor: { antes: null, despues: publicado.compromisoServidor },
            resumen: { antes: null, despues: publicado.resumen },
          },
        }),
      });
      if (decision.valor !== 'confirmar') throw turnoPerdido();
      confirmado = true;
      await this.convocatorias.completarCierre(c.id);
      // Before the turn ends: a crash in between leaves the turn to a recovery, which records it.
      await this.auditoria.registrar(entradaConfirmada(decision));
      await turno.terminar();
      crono.marca('publicar');
      this.logger.log(
        `Convocatoria ${c.id} cerrada: ${publicado.resumen.participantes.carro + publicado.resumen.participantes.moto} participantes; ${crono.resumen()}`,
      );
      return { ...c, estado: 'cerrada', cierre: publicado };
    } catch (err) {
      await this.alFallar(turno, previa, confirmado);
      throw err;
    }
  }

  private async congelar(
    turno: TurnoEnCurso,
    c: Convocatoria,
    cerradaEn: Date,
    crono: Cronometro,
  ): Promise<PublicadoAlCierre> {
    const { config, entradas, datos, excluidas } = await this.insumos.reunir(
      turno,
      c.idSorteo,
      cerradaEn,
      crono,
      c.id,
    );
    const lineas = congelar({ entradas, datos });
    const { insumosHash } = insumosHashOrdenados(lineas, c.parqueaderos, config);
    const secreto = this.fuenteSecreto.generar();
    const tamano = this.ajustes.participantesPorBloque;
    crono.marca('calcular');
    turno.vigente();
    // Leftovers of an earlier close that a crash cut short (its undo may not have run yet).
    await this.repo.borrarBloques(c.id);
    const bloques = {
      participantes: await this.repo.insertarBloques(c.id, 'participantes', lineas, tamano),
      excluidas: await this.repo.insertarBloques(c.id, 'excluidas', excluidas, tamano),
      parqueaderos: await this.repo.insertarBloques(c.id, 'parqueaderos', c.parqueaderos, tamano),
    };
    const publicado: PublicadoAlCierre = {
      cerradaEn,
      config,
      insumosHash,
      compromisoServidor: compromisoDe(secreto),
      resumen: resumenDe(lineas, c.parqueaderos, excluidas),
      tamanoBloque: tamano,
      bloques,
      primeros: primerosDeBloques(lineas, tamano),
    };
    await this.repo.guardarSecreto(c.id, secreto);
    await this.repo.guardarCierrePendiente(c.id, publicado);
    crono.marca('guardar');
    return publicado;
  }

  private alFallar(turno: TurnoEnCurso, c: Convocatoria, confirmado: boolean): Promise<void> {
    return turno.cerrarTrasFallo(
      confirmado,
      (d) =>
        d.valor === 'confirmar'
          ? this.convocatorias.completarCierre(c.id)
          : this.convocatorias.deshacerCierre(c),
      () => this.recuperacion.programar(),
    );
  }
}

function exigirAbierta(c: Convocatoria): void {
  if (c.estado === 'cerrada') throw convocatoriaYaCerrada();
  if (c.estado !== 'abierta') throw convocatoriaFinalizada(c.estado);
}
