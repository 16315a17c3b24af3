import { Injectable } from '@nestjs/common';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { NoEncontradoError, ValidacionError } from 'src/shared/errors/domain-error';
import { ejecutarSorteo } from '../core/ejecutar-sorteo';
import { canonizarValorPublico, compromisoDe, derivarSemilla } from '../core/semilla-anunciada';
import type { ParqueaderoEntrada } from '../core/tipos';
import { aGuardados } from '../preparacion';
import type { CabeceraSorteo, ExcluidaGuardada, ParticipanteGuardado } from '../resultado.entity';
import { SorteosRepository } from '../sorteos.repository';
import { CLAVE_ACTIVA } from './aplicacion-convocatoria.service';
import {
  CONVOCATORIA_NO_EXISTE,
  convocatoriaAlterada,
  convocatoriaNoCerrada,
  convocatoriaNoVencida,
} from './convocatorias.errors';
import { ConvocatoriasRepository } from './convocatorias.repository';

/** What SorteoService stores for an announced draw (its header fields and lists). */
export type DatosDelResultado = Omit<
  CabeceraSorteo,
  'id' | 'turno' | 'estado' | 'tamanoBloque' | 'bloques' | 'anulado'
> & {
  parqueaderos: ParqueaderoEntrada[];
  participantes: ParticipanteGuardado[];
  excluidas: ExcluidaGuardada[];
};

/**
 * The announced draw's own steps (SORTEO.md, PARKNET-SEMILLA-v1): the public values checked and
 * put in canonical form, then, under the draw's turn, the frozen inputs and the secret read, the
 * seed derived and the core run. The turn, the commit and the application are SorteoService's.
 */
@Injectable()
export class EjecucionConvocatoriaService {
  constructor(
    private readonly repo: ConvocatoriasRepository,
    private readonly sorteos: SorteosRepository,
    private readonly reclamos: ReclamosRepository,
  ) {}

  /** While one is `cerrada` its participants are reserved: an immediate draw must wait. */
  async hayUnaCerrada(): Promise<boolean> {
    const dueno = await this.reclamos.dueno(CLAVE_ACTIVA);
    if (!dueno) return false;
    return (await this.repo.buscar(dueno))?.estado === 'cerrada';
  }

  /**
   * Before the turn: 404 for an unknown id, 400 for a value not valid in canonical form, and the
   * state and date (checked again under the turn) so a refused call takes no turn at all.
   */
  async validar(
    convocatoriaId: string,
    valores: string[],
    ahora: Date,
  ): Promise<{ idSorteo: string; canonicos: string[] }> {
    const c = await this.repo.buscar(convocatoriaId);
    if (!c) throw new NoEncontradoError(CONVOCATORIA_NO_EXISTE);
    const errores: string[] = [];
    if (valores.length !== c.fuentesPublicas.length) {
      errores.push(
        `valoresPublicos: se esperan ${c.fuentesPublicas.length} valores, uno por fuente anunciada y en su orden; llegaron ${valores.length}.`,
      );
    }
    const canonicos = valores.map((v, i) => {
      const canonico = canonizarValorPublico(v);
      if (canonico === null) {
        errores.push(
          `valoresPublicos[${i}]: "${v}" no es válido; en forma canónica debe tener de 1 a 100 caracteres entre dígitos, letras A-Z, espacio y . , : / # -`,
        );
      }
      return canonico ?? '';
    });
    if (errores.length > 0) throw new ValidacionError(errores);
    if (c.estado !== 'cerrada') throw convocatoriaNoCerrada();
    if (ahora.getTime() < c.fechaSorteo.getTime()) throw convocatoriaNoVencida(c.fechaSorteo);
    return { idSorteo: c.idSorteo, canonicos };
  }

  /** Under the draw's turn. */
  async preparar(
    convocatoriaId: string,
    canonicos: string[],
    usuarioId: string,
    ejecutadoEn: Date,
  ): Promise<DatosDelResultado> {
    const c = await this.repo.buscar(convocatoriaId);
    if (!c) throw new NoEncontradoError(CONVOCATORIA_NO_EXISTE);
    const cierre = c.cierre;
    if (c.estado !== 'cerrada' || !cierre) throw convocatoriaNoCerrada();
    if (ejecutadoEn.getTime() < c.fechaSorteo.getTime()) throw convocatoriaNoVencida(c.fechaSorteo);
    const [secreto, lineas, excluidas, parqueaderos] = await Promise.all([
      this.repo.secreto(c.id),
      this.repo.todos(c.id, 'participantes', cierre.bloques.participantes),
      this.repo.todos(c.id, 'excluidas', cierre.bloques.excluidas),
      this.repo.todos(c.id, 'parqueaderos', cierre.bloques.parqueaderos),
    ]);
    if (!secreto || !/^[0-9a-f]{64}$/.test(secreto)) throw convocatoriaAlterada();
    if (compromisoDe(secreto) !== cierre.compromisoServidor) throw convocatoriaAlterada();
    const semilla = derivarSemilla(cierre.insumosHash, secreto, canonicos);
    const calculado = ejecutarSorteo({
      semilla,
      participantes: lineas,
      parqueaderos,
      config: cierre.config,
    });
    if (calculado.insumosHash !== cierre.insumosHash) throw convocatoriaAlterada();
    const participantes = aGuardados(
      calculado.participantes,
      new Map(lineas.map((l) => [l.solicitudId, l])),
    );
    // What an earlier attempt of this same draw id may have left if its undo never ran (the undo
    // deletes both; a chunk scan only when a header shows it is needed).
    const resto = await this.sorteos.cabecera(c.idSorteo);
    if (resto && resto.estado !== 'completo') {
      await this.sorteos.borrarBloques(c.idSorteo);
      await this.sorteos.borrarCabecera(c.idSorteo);
    }
    return {
      nombre: c.nombre,
      ejecutadoEn,
      ejecutadoPor: usuarioId,
      algoritmo: calculado.algoritmo,
      origenSemilla: 'convocatoria',
      semilla,
      insumosHash: calculado.insumosHash,
      convocatoria: {
        id: c.id,
        cerradaEn: cierre.cerradaEn,
        fuentesPublicas: c.fuentesPublicas.map((f) => ({ descripcion: f.descripcion })),
        valoresPublicos: canonicos,
        compromisoServidor: cierre.compromisoServidor,
        secretoServidor: secreto,
      },
      config: cierre.config,
      resumen: { ...calculado.resumen, excluidos: excluidas.length },
      parqueaderos,
      participantes,
      excluidas,
    };
  }
}
