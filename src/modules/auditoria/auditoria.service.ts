import { Injectable } from '@nestjs/common';
import type { Pagina } from 'src/shared/pagination/pagina';
import { AuditoriaRepository } from './auditoria.repository';
import { CadenaAuditoria } from './cadena-auditoria.service';
import type { ActorAuditoria, EntradaAuditoria, NuevaEntrada } from './entrada-auditoria';
import type { FiltroAuditoria } from './indice-auditoria';
import { verificarCadena, type ResultadoVerificacion } from './verificacion-auditoria';

/** The caller of a request as the log names it: its user id and role, nothing else. */
export function actorDe(u: { id: string; rol: string }): ActorAuditoria {
  return { id: u.id, rol: u.rol };
}

/**
 * What every other module calls where it makes a change: `registrar` once the change is made
 * (it returns when the entry is chained, or safe in the on-disk diary if the database went away).
 */
@Injectable()
export class AuditoriaService {
  constructor(
    private readonly cadena: CadenaAuditoria,
    private readonly repo: AuditoriaRepository,
  ) {}

  registrar(entrada: NuevaEntrada): Promise<void> {
    return this.cadena.registrar([entrada]);
  }

  /**
   * For a change finished by a recovery (docs/auditoria.md#recuperación): records the entry its
   * holder prepared, unless that holder recorded it before it died. True when recorded now.
   */
  registrarSiFalta(entrada: NuevaEntrada): Promise<boolean> {
    return this.cadena.registrarSiFalta(entrada);
  }

  /** Several entries, consecutive in the chain and in this order. */
  registrarVarias(entradas: NuevaEntrada[]): Promise<void> {
    return this.cadena.registrar(entradas);
  }

  async listar(
    filtro: FiltroAuditoria,
    page: number,
    limit: number,
  ): Promise<Pagina<EntradaAuditoria>> {
    const indice = await this.cadena.alDia();
    const { ns, total } = indice.buscar(filtro, page, limit);
    const data: EntradaAuditoria[] = [];
    for (const n of ns) {
      const e = indice.entrada(n) ?? (await this.repo.leer(n));
      if (e) data.push(e);
    }
    return { data, meta: { total, page, limit } };
  }

  /** Reads every stored entry: tampering with the database shows here, whatever was cached. */
  verificar(): Promise<ResultadoVerificacion> {
    return verificarCadena(this.repo.recorrer());
  }
}
