import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import * as bcrypt from 'bcrypt';
import { authConfig } from 'src/core/config/auth.config';

/**
 * bcrypt at the configured cost. `verificar` always spends one comparison, even when there is no
 * hash to compare against, so an unknown email costs the same time as a wrong password.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private hashSenuelo = '';

  constructor(@Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>) {}

  async onModuleInit(): Promise<void> {
    this.hashSenuelo = await bcrypt.hash('senuelo-para-igualar-tiempos', this.cfg.bcryptRounds);
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.cfg.bcryptRounds);
  }

  async verificar(password: string, hash: string | null | undefined): Promise<boolean> {
    // bcrypt ignores bytes past 72; such a password can never be the stored one, so it fails.
    const admisible = Buffer.byteLength(password, 'utf8') <= 72;
    const ok = await bcrypt.compare(password, admisible && hash ? hash : this.hashSenuelo);
    return ok && admisible && !!hash;
  }
}
