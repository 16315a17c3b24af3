import { Injectable } from '@nestjs/common';
import { Respaldo, SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import { ConflictoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { claveDocumento, claveEmail } from './residente-claves';
import { ResidentesRepository } from './residentes.repository';

export const duplicado = (): ConflictoError =>
  new ConflictoError(
    CodigoError.RESIDENTE_DUPLICADO,
    'Ya existe un residente con ese documento o ese correo electrónico. Revise los datos.',
  );

/**
 * Residents' documento and email claims, taken by insert by the administration's creations and
 * edits and by self-registration alike, healed when their owner let go.
 */
@Injectable()
export class ReclamosResidente {
  constructor(
    private readonly repo: ResidentesRepository,
    private readonly saneador: SaneadorReclamos,
  ) {}

  /** Claims every key or none; null, or the key another resident holds. Stale claims are healed. */
  reclamar(claves: string[], dueno: string): Promise<string | null> {
    return this.saneador.reclamarTodas(claves, dueno, (c, otro) => this.respaldo(c, otro));
  }

  /** Claims every key or throws 409; stale claims left by a crash are healed on the way. */
  async reclamarOFallar(claves: string[], dueno: string): Promise<void> {
    if (await this.reclamar(claves, dueno)) throw duplicado();
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
