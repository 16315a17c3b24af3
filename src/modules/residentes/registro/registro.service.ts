import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { CuentasService } from 'src/modules/auth/cuentas.service';
import {
  CuentasRegistroService,
  verificacionInvalida,
} from 'src/modules/auth/registro/cuentas-registro.service';
import { ArbitroCambiosResidente } from '../arbitro-cambios.service';
import { ReclamosResidente } from '../reclamos-residente.service';
import { claveDocumento, claveEmail } from '../residente-claves';
import { ResidentesRepository } from '../residentes.repository';
import {
  REGISTRO_CREADO,
  REGISTRO_OCUPADO,
  REGISTRO_VERIFICADO,
  RegistroCreadoEvento,
  RegistroEvento,
  RegistroOcupadoEvento,
} from '../residentes.events';
import { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { cambiosResidente } from '../auditoria-residente';
import { datosDeCreacion } from '../datos-creacion';
import { MensajeDto, RegistroDto } from './dto/registro.dto';
import { TiempoParejo } from './tiempo-parejo';

/** The one answer of POST /auth/registro, whatever happened (no enumeration). */
const RECIBIDO =
  'Recibimos su registro. Le enviamos un correo para confirmar su dirección: abra el enlace que ' +
  'contiene. Después la administración revisará su registro y le avisaremos por correo.';

const VERIFICADO =
  'Su correo quedó confirmado. La administración revisará su registro y le avisaremos por correo.';

/**
 * Self-registration (docs/registro.md): POST /auth/registro and POST /auth/verificar-correo. A
 * registration is a resident with `registro: por_verificar` and an account `por_aprobar` holding
 * the password chosen here; verifying the e-mail puts it in the administration's queue
 * (`pendiente`). Uniqueness is the residents' own: the documento and email claims (inserts).
 */
@Injectable()
export class RegistroService {
  private readonly tiempo = new TiempoParejo();

  constructor(
    private readonly repo: ResidentesRepository,
    private readonly arbitro: ArbitroCambiosResidente,
    private readonly claves: ReclamosResidente,
    private readonly reclamos: ReclamosRepository,
    private readonly cuentas: CuentasService,
    private readonly cuentasRegistro: CuentasRegistroService,
    private readonly eventos: EventEmitter2,
    private readonly auditoria: AuditoriaService,
  ) {}

  /**
   * The same 202 and body for a new registration and for a taken email or documento, after the
   * same bcrypt hash and, for the taken ones, a wait that evens out the writes they skip. What
   * differs goes only to the mailbox: a verification link, or a notice (docs/registro.md).
   */
  async registrar(dto: RegistroDto, ip: string): Promise<MensajeDto> {
    await this.cuentasRegistro.limitar(ip);
    const passwordHash = await this.cuentasRegistro.prepararPassword(dto.password, dto.email);
    const inicio = Date.now();
    const ocupado = await this.crear(dto, passwordHash);
    if (ocupado) {
      const evento: RegistroOcupadoEvento = {
        motivo: ocupado,
        email: dto.email,
        nombre: dto.nombre,
      };
      await this.eventos.emitAsync(REGISTRO_OCUPADO, evento);
      await this.tiempo.igualar(Date.now() - inicio);
    } else this.tiempo.registrar(Date.now() - inicio);
    return { mensaje: RECIBIDO };
  }

  /**
   * The resident moves from `por_verificar` to `pendiente` by a version claim: of two uses of one
   * token exactly one does it, and a token used once finds nothing left to verify (400).
   */
  async verificar(token: string): Promise<MensajeDto> {
    const residenteId = await this.cuentasRegistro.residenteDeVerificacion(token);
    const r = await this.arbitro.cambiar(
      residenteId,
      (a) => {
        if (a.registro !== 'por_verificar') throw verificacionInvalida();
        return { registro: 'pendiente' };
      },
      null,
    );
    await this.auditoria.registrar({
      actor: { id: residenteId, rol: 'registro' },
      accion: 'residente.correo_verificado',
      recurso: { tipo: 'residente', id: residenteId },
      cambios: { registro: { antes: 'por_verificar', despues: r.registro } },
    });
    const evento: RegistroEvento = { residenteId, nombre: r.nombre, email: r.email ?? '' };
    await this.eventos.emitAsync(REGISTRO_VERIFICADO, evento);
    return { mensaje: VERIFICADO };
  }

  /** Null when the registration was created; otherwise what was already taken. */
  private async crear(
    dto: RegistroDto,
    passwordHash: string,
  ): Promise<RegistroOcupadoEvento['motivo'] | null> {
    const id = this.repo.idNuevo();
    const deEmail = claveEmail(dto.email);
    const claves = [deEmail, claveDocumento(dto.documento.tipo, dto.documento.numero)];
    const tomada = await this.claves.reclamar(claves, id);
    if (tomada === deEmail) return 'email';
    // A staff account holds its email outside the residents' claims.
    const emailLibre = await this.cuentas.emailDisponible(dto.email, null);
    if (tomada || !emailLibre) {
      if (!tomada) await this.reclamos.liberar(claves, id);
      return emailLibre ? 'documento' : 'email';
    }
    let creada = false;
    try {
      const creado = await this.repo.crear(
        id,
        datosDeCreacion(dto),
        'pendiente_activacion',
        'por_verificar',
      );
      const verificacion = await this.cuentasRegistro.crear(id, dto.email, passwordHash);
      // Null: an account took the email between the check above and this insert.
      if (!verificacion) return 'email';
      const evento: RegistroCreadoEvento = {
        residenteId: id,
        nombre: dto.nombre,
        email: dto.email,
        ...verificacion,
      };
      await this.eventos.emitAsync(REGISTRO_CREADO, evento);
      creada = true;
      await this.auditoria.registrar({
        actor: { id, rol: 'registro' },
        accion: 'residente.registrado',
        recurso: { tipo: 'residente', id },
        cambios: cambiosResidente(null, creado),
      });
      return null;
    } finally {
      if (!creada) {
        await this.cuentas.eliminarDeResidente(id);
        await this.repo.eliminarDefinitivo(id);
        await this.reclamos.liberar(claves, id);
      }
    }
  }
}
