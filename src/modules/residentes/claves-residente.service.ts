import { Injectable } from '@nestjs/common';
import { Respaldo, SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { claveDocumento, claveEmail } from './residente-claves';
import { ResidentesRepository } from './residentes.repository';

/**
 * Residents' documento and email claims, taken by the administration's creations and edits and by
 * self-registration alike: one rule for what keeps a claim alive.
 */
@Injectable()
export class ClavesResidente {
  constructor(
    private readonly repo: ResidentesRepository,
    private readonly saneador: SaneadorReclamos,
  ) {}

  /** Claims every key or none; null, or the key another resident holds. Stale claims are healed. */
  reclamar(claves: string[], dueno: string): Promise<string | null> {
    return this.saneador.reclamarTodas(claves, dueno, (c, otro) => this.respaldo(c, otro));
  }

  /** A documento or email claim is backed while its resident still has that documento or email. */
  private async respaldo(clave: string, dueno: string): Promise<Respaldo> {
    const r = await this.repo.buscar(dueno, ALCANCE_TOTAL);
    if (!r) return { respaldada: false, cambiadoEn: null };
    const respaldada =
      clave === claveDocumento(r.documento.tipo, r.documento.numero) ||
      (!!r.email && clave === claveEmail(r.email));
    return { respaldada, cambiadoEn: r.updatedAt };
  }
}
