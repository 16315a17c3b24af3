import { Injectable } from '@nestjs/common';
import { ROLES_PERSONAL, RolPersonal, type UsuarioActual } from 'src/core/auth/roles';
import { actorDe, AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { creacion } from 'src/modules/auditoria/entrada-auditoria';
import { GRACIA_RECLAMO_MS } from 'src/core/database/reclamos/saneador-reclamos.service';
import { Reloj } from 'src/core/reloj/reloj.service';
import { Pagina } from 'src/shared/pagination/pagina';
import { ConflictoError, NoEncontradoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { CredencialesService } from '../credenciales.service';
import { Activacion, CuentasService } from '../cuentas.service';
import { UsuarioEntidad, UsuariosRepository } from '../usuarios.repository';
import { BajasAdminRepository } from './bajas-admin.repository';

const esPersonal = (rol: string): rol is RolPersonal =>
  (ROLES_PERSONAL as readonly string[]).includes(rol);

/** Staff accounts (admin, revisor): created with an activation token, listed, removed. */
@Injectable()
export class PersonalService {
  constructor(
    private readonly usuarios: UsuariosRepository,
    private readonly cuentas: CuentasService,
    private readonly credenciales: CredencialesService,
    private readonly bajas: BajasAdminRepository,
    private readonly reloj: Reloj,
    private readonly auditoria: AuditoriaService,
  ) {}

  async crear(
    email: string,
    nombre: string,
    rol: RolPersonal,
    actor: UsuarioActual,
  ): Promise<{ usuario: UsuarioEntidad; activacion: Activacion }> {
    const creado = await this.cuentas.crearDePersonal(email, nombre, rol);
    await this.auditoria.registrar({
      actor: actorDe(actor),
      accion: 'usuario.creado',
      recurso: { tipo: 'usuario', id: creado.usuario.id },
      cambios: creacion({ email, nombre, rol, estado: creado.usuario.estado }),
    });
    return creado;
  }

  /** Each account as of its newest credentials: the stored `estado` is a cache that may lag. */
  async listar(
    rol: RolPersonal | undefined,
    page: number,
    limit: number,
  ): Promise<Pagina<UsuarioEntidad>> {
    const pagina = await this.usuarios.listarPersonal(rol, page, limit);
    const data = await Promise.all(pagina.data.map((u) => this.credenciales.vigente(u)));
    return { data, meta: pagina.meta };
  }

  /**
   * Disables the account and ends its sessions; idempotent. Removing an admin first announces the
   * attempt (an insert), then counts the active admins nobody is removing; with none left it
   * withdraws its announcement and refuses. Of any concurrent removals, the one announced last
   * sees every other announcement, so they cannot together remove the last admin (seguridad.md).
   */
  async eliminar(id: string, actor: UsuarioActual): Promise<void> {
    const leido = await this.usuarios.buscarPorId(id);
    if (!leido || !esPersonal(leido.rol)) throw new NoEncontradoError('La cuenta');
    const u = await this.credenciales.vigente(leido);
    if (u.rol === 'admin' && u.estado !== 'deshabilitada') {
      const anuncio = await this.bajas.anunciar(u.id, this.reloj.ahora());
      if ((await this.adminsQueQuedan()) === 0) {
        await this.bajas.retirar(anuncio);
        throw new ConflictoError(
          CodigoError.ULTIMO_ADMIN,
          'No se puede retirar al último administrador activo. Cree y active otro administrador primero.',
        );
      }
    }
    await this.cuentas.deshabilitarCuenta(u);
    if (u.estado === 'deshabilitada') return; // already removed: nothing changed, nothing recorded
    await this.auditoria.registrar({
      actor: actorDe(actor),
      accion: 'usuario.baja',
      recurso: { tipo: 'usuario', id: u.id },
      cambios: { estado: { antes: u.estado, despues: 'deshabilitada' } },
    });
  }

  /**
   * Active admins with no removal announced. Announcements are read before the accounts, and one
   * older than the claims' grace period is taken for a crashed attempt's and ignored (its account,
   * if the removal went through, is disabled by then).
   */
  private async adminsQueQuedan(): Promise<number> {
    const desde = new Date(this.reloj.ahora().getTime() - GRACIA_RECLAMO_MS);
    const enBaja = await this.bajas.anunciadasDesde(desde);
    const admins = await this.usuarios.administradores();
    const vigentes = await Promise.all(admins.map((a) => this.credenciales.vigente(a)));
    return vigentes.filter((a) => a.estado === 'activa' && !enBaja.has(a.id)).length;
  }
}
