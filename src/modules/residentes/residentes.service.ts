import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { alcanceDe } from 'src/core/auth/alcance';
import { UsuarioActual } from 'src/core/auth/roles';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { actorDe, AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { CUENTA_ACTIVADA, CuentaActivadaEvento } from 'src/modules/auth/auth.events';
import { Activacion, CuentasService } from 'src/modules/auth/cuentas.service';
import { ConflictoError, NoEncontradoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { sorteoEnCurso } from 'src/shared/errors/sorteo-en-curso';
import { Pagina } from 'src/shared/pagination/pagina';
import { Alcance } from 'src/shared/repository/alcance';
import { SorteoEstadoService } from 'src/core/turnos/sorteo-estado.service';
import { ArbitroCambiosResidente } from './arbitro-cambios.service';
import { duplicado, ReclamosResidente } from './reclamos-residente.service';
import { cambiosResidente, entradasDeEdicion } from './auditoria-residente';
import { datosDeCreacion } from './datos-creacion';
import { edicionSobre } from './decision-cambios';
import { exigirRegistroAprobado } from './registro/reglas-registro';
import { ActualizarResidenteDto } from './dto/actualizar-residente.dto';
import { CrearResidenteDto } from './dto/crear-residente.dto';
import { claveDocumento, claveEmail } from './residente-claves';
import {
  AtributosSorteoResidente,
  DatosResidente,
  FiltroResidentes,
  ResidenteEntidad,
} from './residente.entity';
import { ResidentesRepository } from './residentes.repository';
import { RESIDENTE_DESACTIVADO, ResidenteDesactivadoEvento } from './residentes.events';

const NO_EXISTE = 'El residente';

@Injectable()
export class ResidentesService {
  private readonly logger = new Logger('Residentes');

  constructor(
    private readonly repo: ResidentesRepository,
    private readonly arbitro: ArbitroCambiosResidente,
    private readonly reclamos: ReclamosRepository,
    private readonly claves: ReclamosResidente,
    private readonly cuentas: CuentasService,
    private readonly eventos: EventEmitter2,
    private readonly sorteos: SorteoEstadoService,
    private readonly auditoria: AuditoriaService,
  ) {}

  /**
   * Documento and email are claimed first (unique inserts), so two concurrent creations with the
   * same values cannot both pass; then the resident, then the account with its activation token.
   */
  async crear(
    dto: CrearResidenteDto,
    actor: UsuarioActual,
  ): Promise<{ residente: ResidenteEntidad; activacion?: Activacion }> {
    const creado = await this.crearSinRegistro(dto);
    await this.auditoria.registrar({
      actor: actorDe(actor),
      accion: 'residente.creado',
      recurso: { tipo: 'residente', id: creado.residente.id },
      cambios: cambiosResidente(null, creado.residente),
    });
    return creado;
  }

  /** The creation itself; the import records it in its own entry. */
  async crearSinRegistro(
    dto: CrearResidenteDto,
  ): Promise<{ residente: ResidenteEntidad; activacion?: Activacion }> {
    const id = this.repo.idNuevo();
    const claves = [claveDocumento(dto.documento.tipo, dto.documento.numero)];
    if (dto.email) claves.push(claveEmail(dto.email));
    await this.claves.reclamarOFallar(claves, id);
    try {
      if (dto.email && !(await this.cuentas.emailDisponible(dto.email, null))) throw duplicado();
      const residente = await this.repo.crear(
        id,
        datosDeCreacion(dto),
        dto.email ? 'pendiente_activacion' : 'sin_cuenta',
      );
      if (!dto.email) return { residente };
      const activacion = await this.cuentas.crearParaResidente(id, dto.email);
      return { residente, activacion };
    } catch (err) {
      if (dto.email) await this.cuentas.eliminarDeResidente(id);
      await this.repo.eliminarDefinitivo(id);
      await this.reclamos.liberar(claves, id);
      throw err;
    }
  }

  listar(filtro: FiltroResidentes, page: number, limit: number): Promise<Pagina<ResidenteEntidad>> {
    return this.repo.listar(filtro, page, limit);
  }

  /** Staff read anyone; a resident reads only themself, and anyone else is "not found". */
  async obtener(id: string, actor: UsuarioActual): Promise<ResidenteEntidad> {
    const r = await this.repo.buscar(id, alcanceDe(actor));
    if (!r) throw new NoEncontradoError(NO_EXISTE);
    return r;
  }

  obtenerPropio(actor: UsuarioActual): Promise<ResidenteEntidad> {
    if (!actor.residenteId) throw new NoEncontradoError(NO_EXISTE);
    return this.obtener(actor.residenteId, actor);
  }

  async actualizarTelefonoPropio(
    actor: UsuarioActual,
    telefono: string,
  ): Promise<ResidenteEntidad> {
    const antes = await this.obtenerPropio(actor);
    const r = await this.arbitro.cambiar(antes.id, edicionSobre(antes, { telefono }), actor.id);
    await this.auditoria.registrarVarias(entradasDeEdicion(antes, r, actor));
    return r;
  }

  async actualizar(
    id: string,
    dto: ActualizarResidenteDto,
    actor: UsuarioActual,
  ): Promise<ResidenteEntidad> {
    const { antes, despues } = await this.editar(id, dto, actor);
    await this.auditoria.registrarVarias(entradasDeEdicion(antes, despues, actor));
    return despues;
  }

  /** The PATCH itself, before and after; the import records its edits in its own entry. */
  async editar(
    id: string,
    dto: ActualizarResidenteDto,
    actor: UsuarioActual,
  ): Promise<{ antes: ResidenteEntidad; despues: ResidenteEntidad }> {
    const actual = await this.obtener(id, actor);
    const { activo, ...resto } = dto;
    let r = await this.actualizarDatos(actual, resto, actor);
    if (activo === false && r.activo) r = await this.darDeBaja(id, actor);
    if (activo === true && !r.activo) r = await this.reactivar(r, actor);
    return { antes: actual, despues: r };
  }

  /** Soft delete: history stays; the account is disabled and every session ends at once. */
  async desactivar(id: string, actor: UsuarioActual): Promise<ResidenteEntidad> {
    const antes = await this.obtener(id, actor);
    const r = await this.darDeBaja(id, actor);
    await this.auditoria.registrarVarias(entradasDeEdicion(antes, r, actor));
    return r;
  }

  private async darDeBaja(id: string, actor: UsuarioActual): Promise<ResidenteEntidad> {
    const r = await this.obtener(id, actor);
    // A running draw holds the resident's approved solicitudes; their cancellation would be refused.
    if (await this.sorteos.hayUnoEnCurso()) throw sorteoEnCurso();
    await this.cuentas.deshabilitar(id);
    const actualizado = await this.arbitro.cambiar(
      r.id,
      () => ({ activo: false, cuenta: 'deshabilitada' }),
      actor.id,
    );
    const evento: ResidenteDesactivadoEvento = {
      residenteId: id,
      usuarioId: actor.id,
      motivo: 'Residente dado de baja por la administración.',
    };
    await this.eventos.emitAsync(RESIDENTE_DESACTIVADO, evento);
    return actualizado;
  }

  async nuevaActivacion(id: string, actor: UsuarioActual): Promise<Activacion> {
    const r = await this.obtener(id, actor);
    exigirRegistroAprobado(r);
    if (!r.activo) {
      throw new ConflictoError(
        CodigoError.RESIDENTE_INACTIVO,
        'El residente está inactivo; reactívelo antes de emitir una activación.',
      );
    }
    if (!r.email) {
      throw new ConflictoError(
        CodigoError.SIN_EMAIL,
        'El residente no tiene correo; agréguelo para crearle una cuenta.',
      );
    }
    // A crash between creating the resident and the account leaves no account: create it now.
    const activacion =
      (await this.cuentas.emitirActivacion(id)) ??
      (await this.cuentas.crearParaResidente(id, r.email));
    const despues = await this.arbitro.cambiar(
      id,
      (a) => (a.cuenta === 'sin_cuenta' ? { cuenta: 'pendiente_activacion' } : null),
      actor.id,
    );
    // Never the token: only that one was issued, and when it expires.
    await this.auditoria.registrar({
      actor: actorDe(actor),
      accion: 'residente.activacion_emitida',
      recurso: { tipo: 'residente', id },
      cambios: { ...cambiosResidente(r, despues), activacion: { expiraEn: activacion.expiraEn } },
    });
    return activacion;
  }

  atributosParaSorteo(): Promise<Map<string, AtributosSorteoResidente>> {
    return this.repo.atributosParaSorteo();
  }

  /** For a bulk approval's rules: who may not be approved while the config requires al día. */
  idsEnMora(ids: readonly string[]): Promise<Set<string>> {
    return this.repo.idsEnMora(ids);
  }

  /** For other modules' rules: the resident as stored, if `alcance` reaches it. */
  buscar(id: string, alcance: Alcance): Promise<ResidenteEntidad | null> {
    return this.repo.buscar(id, alcance);
  }

  /**
   * Runs on every resident login: the arbiter reads first and writes only when out of step. Best
   * effort: a conflict or an outage here must not fail the login or an activation whose token is
   * already spent; the next login brings the field in step again.
   */
  @OnEvent(CUENTA_ACTIVADA, { promisify: true, suppressErrors: false })
  async alActivarCuenta(e: CuentaActivadaEvento): Promise<void> {
    await this.arbitro
      .cambiar(
        e.residenteId,
        (a) => (a.activo && a.cuenta !== 'activa' ? { cuenta: 'activa' } : null),
        null,
      )
      .catch((err: unknown) => {
        if (err instanceof NoEncontradoError) return;
        this.logger.warn(
          `No se marcó como activa la cuenta del residente ${e.residenteId}: ${err instanceof Error ? err.message : String(err)}`,
        );
      });
  }

  private async actualizarDatos(
    actual: ResidenteEntidad,
    cambios: Partial<DatosResidente>,
    actor: UsuarioActual,
  ): Promise<ResidenteEntidad> {
    const nuevas: string[] = [];
    const viejas: string[] = [];
    const doc = cambios.documento;
    if (doc && (doc.tipo !== actual.documento.tipo || doc.numero !== actual.documento.numero)) {
      nuevas.push(claveDocumento(doc.tipo, doc.numero));
      viejas.push(claveDocumento(actual.documento.tipo, actual.documento.numero));
    }
    const emailNuevo =
      cambios.email !== undefined && cambios.email !== actual.email ? cambios.email : undefined;
    if (emailNuevo) {
      nuevas.push(claveEmail(emailNuevo));
      if (actual.email) viejas.push(claveEmail(actual.email));
    }
    await this.claves.reclamarOFallar(nuevas, actual.id);
    try {
      if (emailNuevo && !(await this.cuentas.emailDisponible(emailNuevo, actual.id)))
        throw duplicado();
      const r = await this.arbitro.cambiar(actual.id, edicionSobre(actual, cambios), actor.id);
      if (emailNuevo) await this.sincronizarCuenta(r, emailNuevo, actor);
      await this.reclamos.liberar(viejas, actual.id);
      return r;
    } catch (err) {
      await this.reclamos.liberar(nuevas, actual.id);
      throw err;
    }
  }

  /** A new email moves the login with it; a resident without account gets a pending one. */
  private async sincronizarCuenta(
    r: ResidenteEntidad,
    email: string,
    actor: UsuarioActual,
  ): Promise<void> {
    if (await this.cuentas.tieneCuenta(r.id)) {
      await this.cuentas.cambiarEmail(r.id, email);
      return;
    }
    if (!r.activo) return;
    await this.cuentas.crearParaResidente(r.id, email);
    // A baja that got in meanwhile wins: its account stays deshabilitada.
    const escrito = await this.arbitro.cambiar(
      r.id,
      (a) => (a.activo ? { cuenta: 'pendiente_activacion' } : null),
      actor.id,
    );
    r.cuenta = escrito.cuenta;
  }

  private async reactivar(r: ResidenteEntidad, actor: UsuarioActual): Promise<ResidenteEntidad> {
    exigirRegistroAprobado(r);
    const conCuenta = await this.cuentas.tieneCuenta(r.id);
    if (conCuenta) await this.cuentas.reabrir(r.id);
    const cuenta = conCuenta ? 'pendiente_activacion' : 'sin_cuenta';
    return this.arbitro.cambiar(r.id, () => ({ activo: true, cuenta }), actor.id);
  }
}
