import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from 'src/core/config/auth.config';
import { ConfiguracionInvalidaError } from 'src/core/config/env-parsers';
import { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { ACTOR_SISTEMA, creacion } from 'src/modules/auditoria/entrada-auditoria';
import { PasswordHasher } from './password-hasher';
import { motivoPasswordDebil, normalizarPassword } from './password-policy';
import { UsuariosRepository } from './usuarios.repository';

/** Creates the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD when no user has that email. */
@Injectable()
export class AdminInicialService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminInicial');

  constructor(
    private readonly usuarios: UsuariosRepository,
    private readonly hasher: PasswordHasher,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
    private readonly auditoria: AuditoriaService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail } = this.cfg;
    if (!adminEmail || !this.cfg.adminPassword) return;
    const adminPassword = normalizarPassword(this.cfg.adminPassword);
    if (await this.usuarios.buscarPorEmail(adminEmail)) return;
    const motivo = motivoPasswordDebil(adminPassword, adminEmail);
    if (motivo)
      throw new ConfiguracionInvalidaError('ADMIN_PASSWORD', `no es aceptable: ${motivo}`);
    // Two instances starting together: the unique email index lets only one insert succeed.
    const creado = await this.usuarios.crear({
      email: adminEmail,
      rol: 'admin',
      residenteId: null,
      estado: 'activa',
      passwordHash: await this.hasher.hash(adminPassword),
    });
    if (!creado) return;
    this.logger.log(`Administrador inicial creado: ${adminEmail}`);
    await this.auditoria.registrar({
      actor: ACTOR_SISTEMA,
      accion: 'usuario.creado',
      recurso: { tipo: 'usuario', id: creado.id },
      cambios: creacion({ email: adminEmail, nombre: null, rol: 'admin', estado: 'activa' }),
    });
  }
}
