import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from 'src/core/config/auth.config';
import { DemasiadosIntentosError } from 'src/shared/errors/domain-error';
import { claveDeRed } from './clave-de-red';
import { IntentosLoginRepository } from './intentos-login.repository';

export interface IntentoEnCurso {
  ids: string[];
}

/**
 * Login throttling, shared by every server instance through the database. Three counts, so that a
 * stranger on one network cannot lock anyone out: one email from one network (10), one network
 * whatever the email (a building may share an address), and one email from everywhere (100,
 * NIST's ceiling: an attacker spread over ten or more networks can reach it, docs/seguridad.md).
 * A network is an IPv4 address or an IPv6 /64. Each attempt is recorded before the password is
 * checked, so concurrent guesses cannot slip past the limit; a successful login takes its records
 * back (successes are not counted), and so does a refused one (an attacker's refused tries do not
 * add to the email's total).
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly intentos: IntentosLoginRepository,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  async iniciar(email: string, ip: string, ahora: Date): Promise<IntentoEnCurso> {
    const ids = await this.contar(this.limites(email, ip), this.cfg.loginVentanaMinutos, ahora);
    return { ids };
  }

  /**
   * A self-registration from `ip`: counted like a login attempt (an inserted record, so every
   * instance sees it) and never taken back, whether it creates a registration or not.
   */
  async registro(ip: string, ahora: Date): Promise<void> {
    const clave = `registro:${claveDeRed(ip)}`;
    await this.contar(
      [[clave, this.cfg.registroMaxPorIp]],
      this.cfg.registroVentanaMinutos,
      ahora,
      (s) =>
        new DemasiadosIntentosError(
          s,
          `Demasiados registros desde su red. Intente de nuevo en ${Math.ceil(s / 60)} minuto(s).`,
        ),
    );
  }

  /** Records one attempt per key, then refuses (taking them back) when any key is over its limit. */
  private async contar(
    limites: Array<[clave: string, limite: number]>,
    ventanaMinutos: number,
    ahora: Date,
    error = (segundos: number) => new DemasiadosIntentosError(segundos),
  ): Promise<string[]> {
    const ventanaMs = ventanaMinutos * 60_000;
    const desde = new Date(ahora.getTime() - ventanaMs);
    const ids = await this.intentos.registrar(
      limites.map(([clave]) => clave),
      ahora,
    );
    const cuentas = await Promise.all(limites.map(([c]) => this.intentos.contarDesde(c, desde)));
    for (const [i, [clave, limite]] of limites.entries()) {
      // Our own record is included, so the count exceeds the limit exactly from the (limite+1)-th try.
      if (cuentas[i] > limite) {
        await this.intentos.retirar(ids);
        const masAntiguo = (await this.intentos.masAntiguoDesde(clave, desde)) ?? ahora;
        const espera = Math.max(
          1,
          Math.ceil((masAntiguo.getTime() + ventanaMs - ahora.getTime()) / 1000),
        );
        throw error(espera);
      }
    }
    return ids;
  }

  async exito(intento: IntentoEnCurso): Promise<void> {
    await this.intentos.retirar(intento.ids);
  }

  async fallo(email: string, ip: string, ahora: Date): Promise<void> {
    const antes = new Date(ahora.getTime() - this.cfg.loginVentanaMinutos * 60_000);
    await Promise.all(
      this.limites(email, ip).map(([clave]) => this.intentos.purgarAntesDe(clave, antes)),
    );
  }

  private limites(email: string, ip: string): Array<[clave: string, limite: number]> {
    const red = claveDeRed(ip);
    return [
      [`par:${email}|${red}`, this.cfg.loginMaxFallosEmail],
      [`ip:${red}`, this.cfg.loginMaxFallosIp],
      [`email:${email}`, this.cfg.loginMaxFallosEmailTotal],
    ];
  }
}
