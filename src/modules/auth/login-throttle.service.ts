import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from 'src/core/config/auth.config';
import { DemasiadosIntentosError } from 'src/shared/errors/domain-error';
import { IntentosLoginRepository } from './intentos-login.repository';

export interface IntentoEnCurso {
  ids: string[];
}

/**
 * Login throttling per email and per client address, shared by every server instance through the
 * database. Each attempt is recorded before the password is checked, so concurrent guesses cannot
 * slip past the limit; a successful login takes its record back (successes are not counted).
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly intentos: IntentosLoginRepository,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  async iniciar(email: string, ip: string, ahora: Date): Promise<IntentoEnCurso> {
    const ventanaMs = this.cfg.loginVentanaMinutos * 60_000;
    const desde = new Date(ahora.getTime() - ventanaMs);
    const limites: Array<[string, number]> = [
      [`email:${email}`, this.cfg.loginMaxFallosEmail],
      [`ip:${ip}`, this.cfg.loginMaxFallosIp],
    ];
    const ids = await this.intentos.registrar(
      limites.map(([clave]) => clave),
      ahora,
    );
    for (const [clave, limite] of limites) {
      // Our own record is included, so the count exceeds the limit exactly from the (limite+1)-th try.
      if ((await this.intentos.contarDesde(clave, desde)) > limite) {
        await this.intentos.retirar(ids);
        const masAntiguo = (await this.intentos.masAntiguoDesde(clave, desde)) ?? ahora;
        const espera = Math.max(
          1,
          Math.ceil((masAntiguo.getTime() + ventanaMs - ahora.getTime()) / 1000),
        );
        throw new DemasiadosIntentosError(espera);
      }
    }
    return { ids };
  }

  async exito(intento: IntentoEnCurso): Promise<void> {
    await this.intentos.retirar(intento.ids);
  }

  async fallo(email: string, ip: string, ahora: Date): Promise<void> {
    const antes = new Date(ahora.getTime() - this.cfg.loginVentanaMinutos * 60_000);
    await Promise.all([
      this.intentos.purgarAntesDe(`email:${email}`, antes),
      this.intentos.purgarAntesDe(`ip:${ip}`, antes),
    ]);
  }
}
