import { Injectable } from '@nestjs/common';
import { actorDe, AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { cambiosResidente } from '../auditoria-residente';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { UsuarioActual } from 'src/core/auth/roles';
import {
  CuentasRegistroService,
  DecisionCuenta,
} from 'src/modules/auth/registro/cuentas-registro.service';
import { ConflictoError, NoEncontradoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { ALCANCE_TOTAL } from 'src/shared/repository/alcance';
import { ArbitroCambiosResidente } from '../arbitro-cambios.service';
import { CambiosResidente, ResidenteEntidad } from '../residente.entity';
import { ResidentesRepository } from '../residentes.repository';
import { REGISTRO_DECIDIDO, RegistroEvento } from '../residentes.events';
import { registroNoPendiente } from './reglas-registro';

/**
 * The administration's decision on a verified registration (POST /residentes/:id/registro/aprobar
 * and /rechazar), one method each. Two inserts decide, so no filter has to arbitrate on FerretDB:
 *
 * 1. the account's next credentials version (`CuentasRegistroService.decidir`): of an approval
 *    and a rejection racing, exactly one moves the account out of `por_aprobar`; the loser gets
 *    409 REGISTRO_NO_PENDIENTE. Login reads the account, so once this insert is in, login agrees.
 * 2. the resident's next version (`ArbitroCambiosResidente`), written only if still `pendiente`:
 *    of two identical decisions (two approvals) exactly one writes it and answers 200, the other
 *    409. After a crash between 1 and 2 the same decision again finds the account already in
 *    its state, writes the resident and sends the e-mail: nothing is left half done.
 */
@Injectable()
export class DecisionesRegistroService {
  constructor(
    private readonly repo: ResidentesRepository,
    private readonly arbitro: ArbitroCambiosResidente,
    private readonly cuentasRegistro: CuentasRegistroService,
    private readonly eventos: EventEmitter2,
    private readonly auditoria: AuditoriaService,
  ) {}

  /** The account becomes `activa` with the password chosen at registration; the person is told. */
  async aprobar(id: string, actor: UsuarioActual): Promise<ResidenteEntidad> {
    const r = await this.enEspera(id);
    if (!r.activo) {
      throw new ConflictoError(
        CodigoError.RESIDENTE_INACTIVO,
        'El residente fue dado de baja mientras esperaba la decisión; solo se puede rechazar.',
      );
    }
    const escrito = await this.decidir(
      id,
      'activa',
      { registro: 'aprobado', cuenta: 'activa' },
      actor,
    );
    await this.registrar('residente.registro_aprobado', r, escrito, actor);
    await this.avisar(escrito, 'aprobado');
    return escrito;
  }

  /** The account is disabled (its password forgotten) and the resident inactive; `motivo` is e-mailed. */
  async rechazar(id: string, motivo: string, actor: UsuarioActual): Promise<ResidenteEntidad> {
    const antes = await this.enEspera(id);
    const cambios: CambiosResidente = {
      registro: 'rechazado',
      activo: false,
      cuenta: 'deshabilitada',
    };
    const escrito = await this.decidir(id, 'deshabilitada', cambios, actor);
    await this.registrar('residente.registro_rechazado', antes, escrito, actor, motivo);
    await this.avisar(escrito, 'rechazado', motivo);
    return escrito;
  }

  private async decidir(
    id: string,
    cuenta: DecisionCuenta,
    cambios: CambiosResidente,
    actor: UsuarioActual,
  ): Promise<ResidenteEntidad> {
    if (!(await this.cuentasRegistro.decidir(id, cuenta))) {
      throw new ConflictoError(
        CodigoError.REGISTRO_NO_PENDIENTE,
        'Otra operación ya decidió este registro (o dio de baja al residente); consúltelo de nuevo.',
      );
    }
    return this.arbitro.cambiar(
      id,
      (a) => {
        if (a.registro !== 'pendiente') throw registroNoPendiente(a);
        return cambios;
      },
      actor.id,
    );
  }

  private registrar(
    accion: 'residente.registro_aprobado' | 'residente.registro_rechazado',
    antes: ResidenteEntidad,
    despues: ResidenteEntidad,
    actor: UsuarioActual,
    motivo?: string,
  ): Promise<void> {
    const cambios = cambiosResidente(antes, despues);
    return this.auditoria.registrar({
      actor: actorDe(actor),
      accion,
      recurso: { tipo: 'residente', id: despues.id },
      cambios:
        motivo === undefined ? cambios : { ...cambios, motivo: { antes: null, despues: motivo } },
    });
  }

  private async enEspera(id: string): Promise<ResidenteEntidad> {
    const r = await this.repo.buscar(id, ALCANCE_TOTAL);
    if (!r) throw new NoEncontradoError('El residente');
    if (r.registro !== 'pendiente') throw registroNoPendiente(r);
    return r;
  }

  private async avisar(
    r: ResidenteEntidad,
    decision: 'aprobado' | 'rechazado',
    motivo?: string,
  ): Promise<void> {
    const evento: RegistroEvento = {
      residenteId: r.id,
      nombre: r.nombre,
      email: r.email ?? '',
      decision,
      motivo,
    };
    await this.eventos.emitAsync(REGISTRO_DECIDIDO, evento);
  }
}
