import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { UsuarioActual } from 'src/core/auth/roles';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { CuentasService } from 'src/modules/auth/cuentas.service';
import { ResultadoImportacion, soloErrores } from 'src/shared/csv/celdas';
import { leerCsv } from 'src/shared/csv/leer-csv';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { actorDe, AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { creacion } from 'src/modules/auditoria/entrada-auditoria';
import { cambiosResidente } from './auditoria-residente';
import type { CrearResidenteDto } from './dto/crear-residente.dto';
import type { ResidenteEntidad } from './residente.entity';
import { ArbitroCambiosResidente } from './arbitro-cambios.service';
import { soloDistintos } from './decision-cambios';
import type { ActualizarResidenteDto } from './dto/actualizar-residente.dto';
import { FORMATO_CSV_RESIDENTES, FilaResidente, interpretarFilas } from './filas-csv';
import { Actualizacion, Existentes, planificar, PlanImportacion } from './plan-importacion';
import { claveDocumento, claveEmail } from './residente-claves';
import { ResidentesRepository } from './residentes.repository';
import { RESIDENTES_IMPORTADOS, ResidentesImportadosEvento } from './residentes.events';
import { datosDeCreacion } from './datos-creacion';
import { ResidentesService } from './residentes.service';

type Cuentas = Omit<ResultadoImportacion, 'errores'>;
type Edicion = { antes: ResidenteEntidad; despues: ResidenteEntidad };

/** Updates written at once: each is a PATCH (claims, writes by _id that scan on FerretDB, within the request time limit). */
const ESCRITURAS_SIMULTANEAS = 4;

/**
 * POST /residentes/importar. Every row is checked by the DTO of POST /residentes, and matched by
 * documento against every resident and account read once, before anything is written; a file
 * with any error writes nothing. Then the new residents' documento and email claims go in one
 * unordered insert (the rule of POST /residentes: the claim decides, on any engine), the residents
 * in one insertMany with the ids their claims name, and their accounts in bulk; a changed
 * resident is written by `ResidentesService.actualizar`, the PATCH itself. Each step is a repeat
 * of nothing when the file is re-sent, so an import a crash cut short completes then.
 */
@Injectable()
export class ImportacionResidentesService {
  private readonly logger = new Logger('ImportacionResidentes');

  constructor(
    private readonly repo: ResidentesRepository,
    private readonly residentes: ResidentesService,
    private readonly arbitro: ArbitroCambiosResidente,
    private readonly reclamos: ReclamosRepository,
    private readonly cuentas: CuentasService,
    private readonly eventos: EventEmitter2,
    private readonly auditoria: AuditoriaService,
  ) {}

  async importar(
    texto: string,
    soloValidar: boolean,
    actor: UsuarioActual,
  ): Promise<ResultadoImportacion> {
    const fases = new Fases();
    const tabla = leerCsv(texto, FORMATO_CSV_RESIDENTES);
    fases.marcar('leer');
    const { validas, errores } = interpretarFilas(tabla.filas);
    fases.marcar('validar');
    const existentes = await this.existentes();
    fases.marcar('existentes');
    const plan = planificar(validas, existentes);
    const todos = [...tabla.errores, ...errores, ...plan.errores];
    let resultado: ResultadoImportacion;
    if (todos.length > 0) resultado = soloErrores(todos);
    else if (soloValidar) {
      const { crear, actualizar, sinCambios } = plan;
      resultado = {
        creados: crear.length,
        actualizados: actualizar.length,
        sinCambios,
        errores: [],
      };
    } else resultado = { ...(await this.escribir(plan, actor)), errores: [] };
    fases.marcar('escribir');
    // Where an import's time goes (the benchmark reads this line).
    this.logger.log(`${tabla.filas.length} filas: ${fases.texto()}`);
    return resultado;
  }

  private async existentes(): Promise<Existentes> {
    const [porDocumento, cuentas] = await Promise.all([
      this.repo.todosPorDocumento(claveDocumento),
      this.cuentas.emailsEnUso(),
    ]);
    const duenosEmail = new Map<string, string | null>();
    for (const c of cuentas) duenosEmail.set(c.email, c.residenteId);
    for (const r of porDocumento.values()) if (r.email) duenosEmail.set(r.email, r.id);
    const conCuenta = new Set(cuentas.flatMap((c) => (c.residenteId ? [c.residenteId] : [])));
    return { porDocumento, duenosEmail, conCuenta };
  }

  private async escribir(plan: PlanImportacion, actor: UsuarioActual): Promise<Cuentas> {
    const ids = plan.crear.map(() => this.repo.idNuevo());
    const pares = plan.crear.flatMap((f, i): Array<[string, string]> =>
      f.dto.email
        ? [
            [f.clave, ids[i]],
            [claveEmail(f.dto.email), ids[i]],
          ]
        : [[f.clave, ids[i]]],
    );
    const tomadas = await this.reclamos.reclamarVariasIdempotente(pares);
    const limpias: Array<{ f: FilaResidente; id: string }> = [];
    const disputadas: FilaResidente[] = [];
    const sueltas = new Set<string>();
    plan.crear.forEach((f, i) => {
      const suyas = pares.filter(([, d]) => d === ids[i]);
      if (!suyas.some(([c]) => tomadas.has(c))) limpias.push({ f, id: ids[i] });
      else {
        disputadas.push(f);
        sueltas.add(ids[i]);
      }
    });
    // The keys a disputed row did win go back: it takes the one-by-one way below.
    if (sueltas.size > 0) {
      const suyas = pares.filter(([, d]) => sueltas.has(d)).map(([c]) => c);
      await this.reclamos.liberarVarias(suyas, [...sueltas]);
    }

    await this.repo.crearVarios(
      limpias.map(({ f, id }) => ({
        id,
        datos: datosDeCreacion(f.dto),
        cuenta: f.dto.email ? 'pendiente_activacion' : 'sin_cuenta',
      })),
    );
    const conCuentaNueva = await this.crearCuentas(
      [
        ...limpias.flatMap(({ f, id }) =>
          f.dto.email ? [{ residenteId: id, email: f.dto.email }] : [],
        ),
        ...plan.sinCuenta,
      ],
      actor,
    );
    const creados = limpias.map((l) => l.id);
    const registrados = limpias.map(({ f, id }) => ({ id, dto: f.dto }));

    const actualizar = [...plan.actualizar];
    let sinCambios = plan.sinCambios;
    for (const f of disputadas) {
      const r = await this.disputada(f);
      if ('creado' in r) {
        creados.push(r.creado);
        registrados.push({ id: r.creado, dto: f.dto });
        if (f.dto.email) conCuentaNueva.push(r.creado);
      } else if (r.actualizacion) actualizar.push(r.actualizacion);
      else sinCambios++;
    }
    const editados = await this.actualizar(actualizar, actor);
    const actualizados = editados.length;
    sinCambios += actualizar.length - actualizados;
    await this.registrar(registrados, editados, actor);

    if (creados.length > 0 || conCuentaNueva.length > 0) {
      const evento: ResidentesImportadosEvento = { creados, conCuentaNueva, usuarioId: actor.id };
      await this.eventos.emitAsync(RESIDENTES_IMPORTADOS, evento);
    }
    return { creados: creados.length, actualizados, sinCambios };
  }

  /**
   * One entry for the whole import (one call, one entry, like every write route): each created
   * resident with its fields, each changed one with its changed fields' old and new values.
   */
  private async registrar(
    creados: Array<{ id: string; dto: CrearResidenteDto }>,
    editados: Edicion[],
    actor: UsuarioActual,
  ): Promise<void> {
    if (creados.length === 0 && editados.length === 0) return;
    await this.auditoria.registrar({
      actor: actorDe(actor),
      accion: 'residentes.importados',
      recurso: { tipo: 'residente', id: null },
      cambios: {
        creados: creados.map(({ id, dto }) => ({ id, cambios: creacion(datosDeCreacion(dto)) })),
        actualizados: editados.map((e) => ({
          id: e.despues.id,
          cambios: cambiosResidente(e.antes, e.despues),
        })),
      },
    });
  }

  /** The residents that got their account; the others are left `sin_cuenta`, as they are. */
  private async crearCuentas(
    lista: Array<{ residenteId: string; email: string }>,
    actor: UsuarioActual,
  ): Promise<string[]> {
    const sinCuenta = new Set(await this.cuentas.crearVariasParaResidentes(lista));
    for (const id of sinCuenta) {
      await this.arbitro.cambiar(
        id,
        (a) => (a.cuenta === 'pendiente_activacion' ? { cuenta: 'sin_cuenta' } : null),
        actor.id,
      );
    }
    return lista.filter((c) => !sinCuenta.has(c.residenteId)).map((c) => c.residenteId);
  }

  /**
   * A new row one of whose claims someone else held when the batch claimed them: a resident
   * created meanwhile with that documento (the row updates it), or a claim left by a crash or by
   * a creation in flight, which POST /residentes's own path heals or refuses with 409.
   */
  private async disputada(
    f: FilaResidente,
  ): Promise<{ creado: string } | { actualizacion: Actualizacion | null }> {
    const dueno = await this.reclamos.dueno(f.clave);
    const actual = dueno ? await this.repo.buscar(dueno, ALCANCE_TOTAL) : null;
    if (actual && claveDocumento(actual.documento.tipo, actual.documento.numero) === f.clave) {
      const cambios = soloDistintos(actual, f.cambios);
      return {
        actualizacion: Object.keys(cambios).length > 0 ? { fila: f.fila, actual, cambios } : null,
      };
    }
    const { residente } = await this.residentes.crearSinRegistro(f.dto);
    return { creado: residente.id };
  }

  /** Those written; a PATCH that found the values already there writes nothing. */
  private async actualizar(lista: Actualizacion[], actor: UsuarioActual): Promise<Edicion[]> {
    const escritos: Edicion[] = [];
    for (let i = 0; i < lista.length; i += ESCRITURAS_SIMULTANEAS) {
      const tanda = lista.slice(i, i + ESCRITURAS_SIMULTANEAS);
      const hechos = await Promise.all(
        tanda.map((a) =>
          this.residentes.editar(a.actual.id, a.cambios as ActualizarResidenteDto, actor),
        ),
      );
      escritos.push(...hechos.filter((e) => e.antes.version !== e.despues.version));
    }
    return escritos;
  }
}

/** Milliseconds of each phase of one import, for its log line. */
class Fases {
  private antes = Date.now();
  private readonly partes: string[] = [];

  marcar(nombre: string): void {
    const ahora = Date.now();
    this.partes.push(`${nombre} ${ahora - this.antes} ms`);
    this.antes = ahora;
  }

  texto(): string {
    return this.partes.join(', ');
  }
}
