import { Injectable } from '@nestjs/common';
import { CredencialesRepository } from './credenciales.repository';
import { EstadoCuenta } from './schemas/usuario.schema';
import { SesionesRepository } from './sesiones.repository';
import { UsuarioEntidad, UsuariosRepository } from './usuarios.repository';

export interface CambioCredencial {
  passwordHash: string | null;
  estado: EstadoCuenta;
  /** A password change keeps the session that made it; everything else ends every session. */
  sesionConservada?: string;
}

/**
 * An account's credentials as a chain of versions (see the `Credencial` schema). The newest
 * version is the account document's cached version, or a later one found by reading v+1, v+2...
 * by `_id` (the cache can lag when a concurrent write of the account document lands on top).
 * A session records the version it was opened under and works only while no later version ends
 * it, so a login that read the old password just before a change cannot open a lasting session.
 */
@Injectable()
export class CredencialesService {
  constructor(
    private readonly credenciales: CredencialesRepository,
    private readonly usuarios: UsuariosRepository,
    private readonly sesiones: SesionesRepository,
  ) {}

  /** The account with its newest credentials. */
  async vigente(u: UsuarioEntidad): Promise<UsuarioEntidad> {
    let actual = u;
    for (;;) {
      const siguiente = await this.credenciales.leer(u.id, actual.credencialVersion + 1);
      if (!siguiente) return actual;
      actual = {
        ...actual,
        credencialVersion: siguiente.version,
        passwordHash: siguiente.passwordHash,
        estado: siguiente.estado,
      };
    }
  }

  /**
   * Makes `u` (read through `vigente`) the next version with `cambio`. False when a concurrent
   * change took that version first: the caller reads again and decides anew. On success the
   * account's cache is written and the sessions the change ends are revoked (they would already
   * fail the version check; revoking also ends them in the session list).
   */
  async cambiar(
    u: UsuarioEntidad,
    cambio: CambioCredencial,
    limpiarActivacion = false,
  ): Promise<UsuarioEntidad | null> {
    const version = u.credencialVersion + 1;
    const gano = await this.credenciales.crear(u.id, {
      version,
      passwordHash: cambio.passwordHash,
      estado: cambio.estado,
      sesionConservada: cambio.sesionConservada ?? null,
    });
    if (!gano) return null;
    await this.usuarios.actualizar(u.id, {
      credencialVersion: version,
      passwordHash: cambio.passwordHash,
      estado: cambio.estado,
      ...(limpiarActivacion ? { activacionHash: null, activacionExpira: null } : {}),
    });
    await this.sesiones.revocarDeUsuario(u.id, new Date(), cambio.sesionConservada);
    if (u.credencialVersion > 0) await this.credenciales.olvidarHash(u.id, u.credencialVersion);
    return {
      ...u,
      credencialVersion: version,
      passwordHash: cambio.passwordHash,
      estado: cambio.estado,
    };
  }

  /**
   * Whether a session opened under `version` still stands: every later version must have kept it
   * (a password change made from this very session). Usually one read that finds nothing.
   */
  async sesionVigente(usuarioId: string, sesionId: string, version: number): Promise<boolean> {
    for (let v = version + 1; ; v++) {
      const siguiente = await this.credenciales.leer(usuarioId, v);
      if (!siguiente) return true;
      if (siguiente.sesionConservada !== sesionId) return false;
    }
  }
}
