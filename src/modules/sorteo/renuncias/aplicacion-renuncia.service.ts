import { Injectable } from '@nestjs/common';
import type { Decision, TurnoRegistro } from 'src/core/turnos/turno.entity';
import { RenunciasDeSolicitudesService } from 'src/modules/solicitudes/renuncias-de-solicitudes.service';
import { deDatos, etiquetaDeRenuncia, type GrupoRenuncia } from './grupo-renuncia';
import { MovimientosRepository } from './movimientos.repository';

/**
 * The two ways a renuncia's turn ends, each safe to repeat after a crash at any instant: forward
 * (the confirmed group is written: movimientos first, then the two solicitudes) and backward (an
 * unconfirmed one only reserved its solicitudes: the reservations go).
 */
@Injectable()
export class AplicacionRenunciaService {
  constructor(
    private readonly movimientos: MovimientosRepository,
    private readonly solicitudes: RenunciasDeSolicitudesService,
  ) {}

  async completar(g: GrupoRenuncia): Promise<void> {
    await this.movimientos.insertar(g.sorteoId, g.movimientos);
    for (const c of g.cambios) await this.solicitudes.aplicar(c);
  }

  deshacer(turno: number): Promise<void> {
    return this.solicitudes.liberar(etiquetaDeRenuncia(turno));
  }

  /** A dead holder's renuncia turn, already sealed by `d`. */
  async recuperar(t: TurnoRegistro, d: Decision): Promise<void> {
    if (d.valor === 'confirmar' && d.renuncia) await this.completar(deDatos(d.renuncia));
    else await this.deshacer(t.numero);
  }
}
