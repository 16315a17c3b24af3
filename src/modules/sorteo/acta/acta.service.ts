import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Readable } from 'node:stream';
import { conjuntoConfig } from 'src/core/config/conjunto.config';
import { correoConfig } from 'src/core/config/correo.config';
import { NoEncontradoError } from 'src/shared/errors/domain-error';
import { SORTEO_NO_EXISTE } from '../anulacion.service';
import type { MovimientoGuardado } from '../renuncias/movimiento.entity';
import { MovimientosRepository } from '../renuncias/movimientos.repository';
import type { CabeceraSorteo, ParticipanteGuardado } from '../resultado.entity';
import { etiquetaResultado } from '../etiqueta-resultado';
import type { Espectador } from '../resultado.mapper';
import { ResultadosEnMemoria } from '../resultados-en-memoria';
import { ResultadosService } from '../resultados.service';
import { SorteosRepository } from '../sorteos.repository';
import { escribirActa } from './acta-pdf';
import { ActasEnDisco } from './actas-en-disco';
import type { ConteoParqueaderos } from './datos-acta';
import { etiquetaActa } from './etiqueta-acta';
import { filasPorUnidad } from './filas-acta';
import { participantesCsv } from './participantes-csv';

/** What decides an acta's bytes, read without rendering it: enough to answer a 304. */
export interface ActaPreparada {
  etag: string;
  cabecera: CabeceraSorteo;
  movimientos: readonly MovimientoGuardado[];
  urlVerificacion: string;
}

export interface Descarga {
  etag: string;
  /** Built only when sent: a 304 costs no rendering. */
  cuerpo(): Readable;
}

/** The paper trail of a draw: its acta (PDF) and its participants as a spreadsheet (CSV). */
@Injectable()
export class ActaService {
  constructor(
    private readonly sorteos: SorteosRepository,
    private readonly movimientos: MovimientosRepository,
    private readonly resultados: ResultadosService,
    private readonly memoria: ResultadosEnMemoria,
    private readonly disco: ActasEnDisco,
    @Inject(conjuntoConfig.KEY) private readonly conjunto: ConfigType<typeof conjuntoConfig>,
    @Inject(correoConfig.KEY) private readonly correo: ConfigType<typeof correoConfig>,
  ) {}

  /**
   * The header by `_id` and the movimientos by `_id` (a handful): the ETag without rendering.
   * The movimientos are read as the results cache reads them (consecutive numbers).
   */
  async preparar(id: string): Promise<ActaPreparada> {
    const cabecera = await this.sorteos.cabecera(id);
    if (!cabecera || cabecera.estado !== 'completo') throw new NoEncontradoError(SORTEO_NO_EXISTE);
    const movimientos = await this.movimientos.consecutivos(id);
    const urlVerificacion = `${this.correo.urlPublica}/sorteo/resultados/${id}/verificar`;
    const etag = etiquetaActa({
      cabecera,
      movimientos,
      conjunto: this.conjunto.nombre,
      urlVerificacion,
    });
    return { etag, cabecera, movimientos, urlVerificacion };
  }

  /** The acta's bytes, rendered once per version and then streamed from disk (actas-en-disco.ts). */
  pdf(a: ActaPreparada): Promise<Readable> {
    return this.disco.obtener(a.etag, () => this.generar(a));
  }

  /**
   * Only the printed cells of each participant are kept, all gathered before the first byte (a
   * database failure is then a 503, not a cut document): from the results cache when the result
   * fits it (where the JSON reads keep it anyway: no read at all once it is there), otherwise read
   * one chunk at a time, never decoded whole.
   */
  private async generar(a: ActaPreparada): Promise<Readable> {
    const c = a.cabecera;
    const participantes = this.memoria.cabe(c)
      ? enUnBloque((await this.memoria.ahora(c)).sorteados)
      : this.sorteos.recorrer(c.id, 'participantes', c.bloques.participantes);
    const [filas, parqueaderos] = await Promise.all([
      filasPorUnidad(participantes, a.movimientos),
      this.contarParqueaderos(c),
    ]);
    return escribirActa({
      cabecera: c,
      movimientos: a.movimientos,
      conjunto: this.conjunto.nombre,
      urlVerificacion: a.urlVerificacion,
      parqueaderos,
      filas,
    });
  }

  /**
   * Every participant as the JSON list gives them to `e`, from the results cache (the same
   * source, order and mapper); its ETag follows the result's version and the reader, like the
   * detail's, with its own suffix.
   */
  async csv(id: string, e: Espectador): Promise<Descarga> {
    const d = await this.resultados.detalle(id);
    const etag = etiquetaResultado(`${d.version}.csv`, e);
    return { etag, cuerpo: () => participantesCsv(d.enOrden(e), e) };
  }

  private async contarParqueaderos(c: CabeceraSorteo): Promise<ConteoParqueaderos> {
    const conteo: ConteoParqueaderos = { carro: 0, reservados: 0, moto: 0 };
    for await (const bloque of this.sorteos.recorrer(
      c.id,
      'parqueaderos',
      c.bloques.parqueaderos,
    )) {
      for (const s of bloque) {
        if (s.tipo === 'moto') conteo.moto += 1;
        else {
          conteo.carro += 1;
          if (s.discapacidad) conteo.reservados += 1;
        }
      }
    }
    return conteo;
  }
}

async function* enUnBloque(
  participantes: readonly ParticipanteGuardado[],
): AsyncGenerator<readonly ParticipanteGuardado[]> {
  yield participantes;
}
