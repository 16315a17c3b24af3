import { Injectable } from '@nestjs/common';
import { ResultadoImportacion, soloErrores } from 'src/shared/csv/celdas';
import { leerCsv } from 'src/shared/csv/leer-csv';
import { ArbitroCambiosParqueadero } from './arbitro-cambios.service';
import { FORMATO_CSV_PARQUEADEROS, FilaParqueadero, interpretarFilas } from './filas-csv';
import { ParqueaderosRepository } from './parqueaderos.repository';
import { Actualizacion, planificar, PlanImportacion } from './plan-importacion';
import { fijar } from './reglas-parqueadero';

/** Changed spots written at once: each is a claim and a write by _id, which scans on FerretDB. */
const ESCRITURAS_SIMULTANEAS = 8;

/**
 * POST /parqueaderos/importar. Every row is checked, and matched against the whole inventory read
 * in one pass, before anything is written; a file with any error writes nothing. Then new spots go
 * in one unordered insertMany (the unique codigo index decides, so a re-sent file after a crash
 * creates only what is missing) and only the changed ones are updated, each through the arbiter
 * like a PATCH (an update is "set these values": repeating it changes nothing).
 */
@Injectable()
export class ImportacionParqueaderosService {
  constructor(
    private readonly repo: ParqueaderosRepository,
    private readonly arbitro: ArbitroCambiosParqueadero,
  ) {}

  async importar(texto: string, soloValidar: boolean): Promise<ResultadoImportacion> {
    const tabla = leerCsv(texto, FORMATO_CSV_PARQUEADEROS);
    const { validas, errores } = interpretarFilas(tabla.filas);
    const plan = planificar(validas, await this.repo.todosPorCodigo());
    const todos = [...tabla.errores, ...errores, ...plan.errores];
    if (todos.length > 0) return soloErrores(todos);
    if (soloValidar) return { ...cuentas(plan), errores: [] };
    return { ...(await this.escribir(plan)), errores: [] };
  }

  private async escribir(plan: PlanImportacion): Promise<Omit<ResultadoImportacion, 'errores'>> {
    const { creados, tomados } = await this.repo.crearVarios(plan.crear.map((f) => f.nuevo));
    let { sinCambios } = plan;
    const actualizar = [...plan.actualizar];
    if (tomados.length > 0) {
      // Created meanwhile by someone else: the file's values are applied over them.
      const tomadas = new Set(tomados);
      const filas: FilaParqueadero[] = plan.crear.filter((f) => tomadas.has(f.codigo));
      const otra = planificar(filas, await this.repo.todosPorCodigo());
      sinCambios += otra.sinCambios;
      actualizar.push(...otra.actualizar);
    }
    let actualizados = 0;
    for (let i = 0; i < actualizar.length; i += ESCRITURAS_SIMULTANEAS) {
      const tanda = actualizar.slice(i, i + ESCRITURAS_SIMULTANEAS);
      const escritos = await Promise.all(tanda.map((a) => this.actualizar(a)));
      actualizados += escritos.filter(Boolean).length;
    }
    sinCambios += actualizar.length - actualizados;
    return { creados, actualizados, sinCambios };
  }

  /** False when, on a fresh read, the spot already had the file's values. */
  private async actualizar(a: Actualizacion): Promise<boolean> {
    const escrito = await this.arbitro.cambiar(a.actual.id, fijar(a.cambios), a.actual);
    return escrito.version !== a.actual.version;
  }
}

function cuentas(plan: PlanImportacion): Omit<ResultadoImportacion, 'errores'> {
  return {
    creados: plan.crear.length,
    actualizados: plan.actualizar.length,
    sinCambios: plan.sinCambios,
  };
}
