import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { TURNO_ABANDONADO } from './turnos.events';
import { TurnosService } from './turnos.service';

/** What other modules may ask about the draw lock. */
@Injectable()
export class SorteoEstadoService {
  constructor(
    private readonly turnos: TurnosService,
    private readonly eventos: EventEmitter2,
  ) {}

  /** True while a draw or annulment (not a renuncia) runs and its holder is alive, on this or any other instance. */
  async hayUnoEnCurso(): Promise<boolean> {
    const pendientes = await this.turnos.pendientes();
    const vivos = pendientes.filter((t) => this.turnos.vivo(t));
    if (vivos.length < pendientes.length) this.eventos.emit(TURNO_ABANDONADO);
    // A renuncia touches only a draw's assigned and waiting solicitudes, never an approved one.
    return vivos.some((t) => t.tipo !== 'renuncia');
  }
}
