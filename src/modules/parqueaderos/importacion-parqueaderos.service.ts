import { Injectable } from '@nestjs/common';
import { ResultadoImportacion, soloErrores } from 'src/shared/csv/celdas';
import { leerCsv } from 'src/shared/csv/leer-csv';
import type { UsuarioActual } from 'src/core/auth/roles';
import { actorDe, AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { creacion, diferencias } from 'src/modules/auditoria/entrada-auditoria';
import { ArbitroCambiosParqueadero } from './arbitro-cambios.service';
import { FORMATO_CSV_PARQUEADEROS, FilaParqueadero, interpretarFilas } from './filas-csv';
import { ParqueaderosRepository } from './parqueaderos.repository';
import { Actualizacion, planificar, PlanImportacion } from './plan-importacion';
import type { ParqueaderoEntidad } from './parqueadero.entity';
import { camposParqueadero } from './parqueaderos.service';
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
    private readonly auditoria: AuditoriaService,
  ) {}

  async importar(
    texto: string,
    soloValidar: boolean,
    actor: UsuarioActual,
  ): Promise<ResultadoImportacion> {
    const tabla = leerCsv(texto, FORMATO_CSV_PARQUEADEROS);
    const { validas, errores } = interpretarFilas(tabla.filas);
    const plan = planificar(validas, await this.repo.todosPorCodigo());
    const todos = [...tabla.errores, ...errores, ...plan.errores];
    if (todos.length > 0) return soloErrores(todos);
    if (soloValidar) return { ...cuentas(plan), errores: [] };
    return { ...(await this.escribir(plan, actor)), errores: [] };
  }

  private async escribir(
    plan: PlanImportacion,
    actor: UsuarioActual,
  ): Promise<Omit<ResultadoImportacion, 'errores'>> {
    const { creados, tomados } = await this.repo.crearVarios(plan.crear.map((f) => f.nuevo));
    const sinCrear = new Set(tomados);
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
    const editados: Array<{ antes: ParqueaderoEntidad; despues: ParqueaderoEntidad }> = [];
    for (let i = 0; i < actualizar.length; i += ESCRITURAS_SIMULTANEAS) {
      const tanda = actualizar.slice(i, i + ESCRITURAS_SIMULTANEAS);
      const escritos = await Promise.all(tanda.map((a) => this.actualizar(a)));
      editados.push(...escritos.filter((e) => e.despues.version !== e.antes.version));
    }
    const actualizados = editados.length;
    sinCambios += actualizar.length - actualizados;
    if (creados > 0 || actualizados > 0) {
      // One entry for the whole import, like every write route: each spot and its changes.
      await this.auditoria.registrar({
        actor: actorDe(actor),
        accion: 'parqueaderos.importados',
        recurso: { tipo: 'parqueadero', id: null },
        cambios: {
          creados: plan.crear
            .filter((f) => !sinCrear.has(f.codigo))
            .map((f) => ({ codigo: f.codigo, cambios: creacion(camposParqueadero(f.nuevo)) })),
          actualizados: editados.map(({ antes, despues }) => ({
            id: antes.id,
            codigo: antes.codigo,
            cambios: diferencias(camposParqueadero(antes), camposParqueadero(despues)),
          })),
        },
      });
    }
    return { creados, actualizados, sinCambios };
  }

  /** The spot before and after; the same version when it already had the file's values. */
  private async actualizar(
    a: Actualizacion,
  ): Promise<{ antes: ParqueaderoEntidad; despues: ParqueaderoEntidad }> {
    const despues = await this.arbitro.cambiar(a.actual.id, fijar(a.cambios), a.actual);
    return { antes: a.actual, despues };
  }
}

function cuentas(plan: PlanImportacion): Omit<ResultadoImportacion, 'errores'> {
  return {
    creados: plan.crear.length,
    actualizados: plan.actualizar.length,
    sinCambios: plan.sinCambios,
  };
}
