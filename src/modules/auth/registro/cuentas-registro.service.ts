import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from 'src/core/config/auth.config';
import { SolicitudInvalidaError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { sha256Hex, tokenAleatorio } from 'src/shared/utils/crypto';
import { CredencialesService } from '../credenciales.service';
import { LoginThrottleService } from '../login-throttle.service';
import { PasswordHasher } from '../password-hasher';
import { exigirPasswordFuerte, normalizarPassword } from '../password-policy';
import { UsuariosRepository } from '../usuarios.repository';

export interface Verificacion {
  token: string;
  expiraEn: Date;
}

/** What a registration decision makes of the account: `activa` (approved) or `deshabilitada`. */
export type DecisionCuenta = 'activa' | 'deshabilitada';

const TOKEN_INVALIDO =
  'El enlace de verificación no es válido, ya se usó o venció. Si ya confirmó su correo, espere ' +
  'la aprobación de la administración.';

/**
 * What self-registration (residentes/registro) may do to a login account: throttle, hash the
 * password chosen at registration, create the account `por_aprobar` with its e-mail verification
 * token (single-use, stored as a hash, like an activation token), spend that token, and decide.
 * The decision is a new credentials version, an insert on `<usuarioId>:<version>`: of an approval
 * and a rejection racing, exactly one moves the account out of `por_aprobar`.
 */
@Injectable()
export class CuentasRegistroService {
  constructor(
    private readonly usuarios: UsuariosRepository,
    private readonly credenciales: CredencialesService,
    private readonly throttle: LoginThrottleService,
    private readonly hasher: PasswordHasher,
    @Inject(authConfig.KEY) private readonly cfg: ConfigType<typeof authConfig>,
  ) {}

  /** 429 DEMASIADOS_INTENTOS past the registrations allowed per address (all instances). */
  limitar(ip: string): Promise<void> {
    return this.throttle.registro(ip, new Date());
  }

  /** 400 PASSWORD_DEBIL, or the bcrypt hash (paid on every path, taken address or not). */
  async prepararPassword(password: string, email: string): Promise<string> {
    const nfc = normalizarPassword(password);
    exigirPasswordFuerte(nfc, email);
    return this.hasher.hash(nfc);
  }

  /** The account and its verification token; null when another account holds the email. */
  async crear(
    residenteId: string,
    email: string,
    passwordHash: string,
  ): Promise<Verificacion | null> {
    const token = tokenAleatorio();
    const expiraEn = new Date(Date.now() + this.cfg.activacionTtlHoras * 3_600_000);
    const creado = await this.usuarios.crear({
      email,
      rol: 'residente',
      residenteId,
      estado: 'por_aprobar',
      passwordHash,
      verificacionHash: sha256Hex(token),
      verificacionExpira: expiraEn,
    });
    return creado ? { token, expiraEn } : null;
  }

  /**
   * The resident whose e-mail the token verifies: 400 TOKEN_INVALIDO when unknown or expired.
   * Single use comes from the registration itself: verifying moves it out of `por_verificar` by a
   * version claim (an insert), and nothing moves it back, so a second use finds nothing to verify.
   */
  async residenteDeVerificacion(token: string): Promise<string> {
    const u = await this.usuarios.buscarPorVerificacion(sha256Hex(token));
    const vigente = !!u?.verificacionExpira && u.verificacionExpira > new Date();
    if (!u?.residenteId || !vigente || u.estado !== 'por_aprobar') throw verificacionInvalida();
    return u.residenteId;
  }

  /**
   * Moves the account out of `por_aprobar` to `estado`. True when the account is (now, or
   * already: a twin request or a retry after a crash) in `estado`; false when it went elsewhere
   * (the other decision, a baja) or there is no account. An approved account keeps the password
   * chosen at registration; a rejected one forgets it.
   */
  async decidir(residenteId: string, estado: DecisionCuenta): Promise<boolean> {
    const leido = await this.usuarios.buscarPorResidente(residenteId);
    if (!leido) return false;
    let u = await this.credenciales.vigente(leido);
    for (;;) {
      if (u.estado === estado) return true;
      if (u.estado !== 'por_aprobar') return false;
      const passwordHash = estado === 'activa' ? u.passwordHash : null;
      const hecho = await this.credenciales.cambiar(u, { passwordHash, estado });
      if (hecho) return true;
      u = await this.credenciales.vigente(u);
    }
  }
}

export function verificacionInvalida(): SolicitudInvalidaError {
  return new SolicitudInvalidaError(CodigoError.TOKEN_INVALIDO, TOKEN_INVALIDO);
}
