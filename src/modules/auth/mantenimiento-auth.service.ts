import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from 'src/core/config/auth.config';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { IntentosLoginRepository } from './intentos-login.repository';
import { SesionesRepository } from './sesiones.repository';

const CADA_MS = 60 * 60_000;

/**
 * Deletes what can no longer matter: expired sessions and refresh tokens, "used" claims older than
 * any token they could refer to, activation claims older than any activation token, and login
 * attempts and registrations outside their throttling windows. Deleting, never relying on TTL indexes (FerretDB v1
 * does not run them).
 */
@Injectable()
export class MantenimientoAuthService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MantenimientoAuth');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sesiones: SesionesRepository,
    private readonly reclamos: ReclamosRepository,
    private readonly intentos: IntentosLoginRepository,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purgar(), CADA_MS);
    this.timer.unref();
    setTimeout(() => void this.purgar(), 5_000).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purgar(ahora = new Date()): Promise<void> {
    try {
      const hace = (ms: number): Date => new Date(ahora.getTime() - ms);
      await Promise.all([
        this.sesiones.purgarVencidas(ahora),
        this.reclamos.purgarPrefijo('refresh:', hace(this.cfg.refreshTtlSeconds * 1000)),
        this.reclamos.purgarPrefijo('activacion:', hace(this.cfg.activacionTtlHoras * 3_600_000)),
        // One collection for login failures and registrations: the longer window decides.
        this.intentos.purgarTodosAntesDe(
          hace(Math.max(this.cfg.loginVentanaMinutos, this.cfg.registroVentanaMinutos) * 60_000),
        ),
      ]);
    } catch (err) {
      this.logger.warn(`No se pudo purgar: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
