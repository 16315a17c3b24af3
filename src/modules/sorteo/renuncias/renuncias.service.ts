import { auditoriaDeDecision, entradaConfirmada, type EntradaFechada } from '../auditoria-de-turno';
import { AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { ACTOR_SISTEMA, type ActorAuditoria } from 'src/modules/auditoria/entrada-auditoria';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { TurnoEnCurso, TurnosService } from 'src/core/turnos/turnos.service';
import { RenunciasDeSolicitudesService } from 'src/modules/solicitudes/renuncias-de-solicitudes.service';
import { ConflictoError, NoEncontradoError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';
import { turnoPerdido } from 'src/shared/errors/sorteo-en-curso';
import type { Alcance } from 'src/shared/repository/alcance';
import { SORTEO_NO_EXISTE } from '../anulacion.service';
import { AplicacionSorteoService } from '../aplicacion-sorteo.service';
import {
  aplicarMovimiento,
  candidatos,
  grupoDeRenuncia,
  type MotivoRenuncia,
  reproducir,
} from '../core/movimientos';
import { RecuperacionService } from '../recuperacion.service';
import { RelojSorteo } from '../reloj-sorteo';
import { sorteoAjustes } from '../sorteo-ajustes.config';
import { SorteosRepository } from '../sorteos.repository';
import { AplicacionRenunciaService } from './aplicacion-renuncia.service';
import { comoDatos, deDatos, etiquetaDeRenuncia, type GrupoRenuncia } from './grupo-renuncia';
import { ListaDeEspera } from './lista-de-espera';
import type { MovimientoGuardado } from './movimiento.entity';
import { MovimientosRepository } from './movimientos.repository';
import { noAsignada, sorteoNoVigente } from './renuncias.errors';

/** `por` of the movimientos the system decides on its own. */
export const POR_EL_SISTEMA = 'sistema';

export interface PedidoRenuncia {
  sorteoId: string;
  solicitudId: string;
  motivo: MotivoRenuncia;
  /** Free text for the solicitud's historial. */
  detalle: string | null;
  /** Null when the system renounces on its own (a baja found at start-up). */
  usuarioId: string | null;
  /** Whose solicitudes the caller may renounce: a resident only their own (others': 404). */
  alcance: Alcance;
}

/**
 * POST /sorteo/resultados/:id/renuncias. Renuncias are rare and must be exact, so each one takes a
 * turn of the draw sequence (waiting its turn when others hold it), and under it: reads the
 * current holdings (the outcome with the movimientos replayed), reserves the renouncer's and the
 * promoted solicitudes, and commits the whole group by inserting the turn's decision. From that
 * insert on the group is completed by whoever gets there: this request, or a recovery.
 */
@Injectable()
export class RenunciasService {
  constructor(
    private readonly turnos: TurnosService,
    private readonly aplicacion: AplicacionSorteoService,
    private readonly aplicacionRenuncia: AplicacionRenunciaService,
    private readonly recuperacion: RecuperacionService,
    private readonly repo: SorteosRepository,
    private readonly movimientos: MovimientosRepository,
    private readonly solicitudes: RenunciasDeSolicitudesService,
    private readonly lista: ListaDeEspera,
    private readonly reloj: RelojSorteo,
    @Inject(sorteoAjustes.KEY) private readonly ajustes: ConfigType<typeof sorteoAjustes>,
    private readonly auditoria: AuditoriaService,
  ) {}

  async renunciar(p: PedidoRenuncia): Promise<MovimientoGuardado[]> {
    if (
      p.alcance.tipo === 'residente' &&
      !(await this.solicitudes.buscar(p.solicitudId, p.alcance))
    )
      throw new NoEncontradoError('La solicitud');
    const turno = await this.tomarTurno(p.sorteoId);
    let confirmado = false;
    try {
      await this.aplicacion.recuperar(turno.previos);
      const grupo = await this.preparar(turno, p);
      turno.vigente();
      const d = await turno.decidir('confirmar', {
        renuncia: comoDatos(grupo),
        auditoria: auditoriaDeDecision(entradaDeRenuncia(p, grupo, this.reloj.ahora())),
      });
      if (d.valor !== 'confirmar') throw turnoPerdido();
      confirmado = true;
      await this.aplicacionRenuncia.completar(grupo);
      // Before the turn ends: a crash in between leaves the turn to a recovery, which records it.
      await this.auditoria.registrar(entradaConfirmada(d));
      await turno.terminar();
      return grupo.movimientos;
    } catch (err) {
      await this.alFallar(turno, confirmado);
      throw err;
    }
  }

  /** The draw lock, waited for with jitter: concurrent renuncias are normal, not an error. */
  private async tomarTurno(sorteoId: string): Promise<TurnoEnCurso> {
    const limite = Date.now() + this.ajustes.renunciaEsperaMs;
    for (let intento = 0; ; intento++) {
      try {
        return await this.turnos.adquirir('renuncia', sorteoId);
      } catch (err) {
        const ocupado = err instanceof ConflictoError && err.code === CodigoError.SORTEO_EN_CURSO;
        if (!ocupado || Date.now() >= limite) throw err;
        // Growing, jittered pauses: twenty waiters polling fast would slow the holder they wait for.
        const pausa = Math.min(600, 40 * 1.5 ** intento) * (0.5 + Math.random());
        await new Promise((r) => setTimeout(r, Math.min(pausa, Math.max(0, limite - Date.now()))));
      }
    }
  }

  private async preparar(turno: TurnoEnCurso, p: PedidoRenuncia): Promise<GrupoRenuncia> {
    const c = await this.repo.cabecera(p.sorteoId);
    if (!c || c.estado !== 'completo') throw new NoEncontradoError(SORTEO_NO_EXISTE);
    const vigente = await this.repo.ultimoVigente();
    if (c.anulado || vigente?.id !== p.sorteoId) throw sorteoNoVigente();
    const [participantes, parqueaderos, anteriores] = await Promise.all([
      this.repo.todos(c.id, 'participantes', c.bloques.participantes),
      this.repo.todos(c.id, 'parqueaderos', c.bloques.parqueaderos),
      this.movimientos.deSorteo(c.id),
    ]);
    const t = reproducir(participantes, anteriores);
    const codigo = t.parqueaderoDe.get(p.solicitudId);
    const spot = parqueaderos.find((s) => s.codigo === codigo);
    const s = await this.solicitudes.buscar(p.solicitudId);
    if (!codigo || !spot || !s || s.estado !== 'asignada' || s.sorteoId !== c.id)
      throw noAsignada(p.solicitudId);
    const etiqueta = etiquetaDeRenuncia(turno.numero);
    if (!(await this.solicitudes.reservar(s.id, s.version, etiqueta))) {
      throw new ConflictoError(
        CodigoError.SORTEO_EN_CURSO,
        'Otra operación cambiaba la solicitud a la vez; no se aplicó nada. Intente de nuevo.',
      );
    }
    const renuncia = { solicitudId: s.id, parqueadero: codigo, motivo: p.motivo };
    const siguiente = t.siguiente;
    aplicarMovimiento(t, { n: siguiente, tipo: 'renuncia', ...renuncia });
    turno.vigente();
    const { evaluados, promovida } = await this.lista.promover(
      c.id,
      candidatos(participantes, t, spot),
      c.config.requiereAlDia,
      etiqueta,
    );
    const fecha = this.reloj.ahora();
    const unidades = new Map(participantes.map((x) => [x.solicitudId, x.unidad]));
    const movimientos = grupoDeRenuncia({ siguiente }, renuncia, evaluados).map(
      (m): MovimientoGuardado => ({
        ...m,
        unidad: m.solicitudId ? (unidades.get(m.solicitudId) ?? null) : null,
        fecha,
        por: p.usuarioId ?? POR_EL_SISTEMA,
        turno: turno.numero,
      }),
    );
    const historial =
      p.detalle ?? (p.motivo === 'BAJA' ? 'Residente dado de baja.' : 'Renuncia al parqueadero.');
    const cambios: GrupoRenuncia['cambios'] = [
      {
        solicitudId: s.id,
        version: s.version + 1,
        estado: 'cancelada',
        motivo: 'RENUNCIA',
        parqueadero: null,
        motivoHistorial: `${historial} (parqueadero ${codigo})`,
        usuarioId: p.usuarioId,
        fecha,
      },
    ];
    if (promovida) {
      cambios.push({
        solicitudId: promovida.id,
        version: promovida.version + 1,
        estado: 'asignada',
        motivo: null,
        parqueadero: codigo,
        motivoHistorial: `Promovida de la lista de espera al parqueadero ${codigo}.`,
        usuarioId: p.usuarioId,
        fecha,
      });
    }
    return { sorteoId: c.id, etiqueta, movimientos, cambios };
  }

  private alFallar(turno: TurnoEnCurso, confirmado: boolean): Promise<void> {
    return turno.cerrarTrasFallo(
      confirmado,
      (d) =>
        d.valor === 'confirmar' && d.renuncia
          ? this.aplicacionRenuncia.completar(deDatos(d.renuncia))
          : this.aplicacionRenuncia.deshacer(turno.numero),
      () => this.recuperacion.programar(),
    );
  }
}

/** The resident renouncing their own, an admin, or the system (a baja found at start-up). */
/** One entry for the renuncia and the promotions (or vacante) it set off, in order. */
function entradaDeRenuncia(p: PedidoRenuncia, grupo: GrupoRenuncia, ahora: Date): EntradaFechada {
  return {
    actor: actorDeRenuncia(p),
    accion: 'sorteo.renuncia',
    recurso: { tipo: 'sorteo', id: p.sorteoId },
    fecha: grupo.movimientos[0]?.fecha ?? ahora,
    cambios: {
      solicitudId: p.solicitudId,
      motivo: p.motivo,
      detalle: p.detalle,
      movimientos: grupo.movimientos.map((m) => ({
        n: m.n,
        tipo: m.tipo,
        solicitudId: m.solicitudId,
        parqueadero: m.parqueadero,
        motivo: m.motivo,
      })),
    },
  };
}

function actorDeRenuncia(p: PedidoRenuncia): ActorAuditoria {
  if (!p.usuarioId) return ACTOR_SISTEMA;
  return { id: p.usuarioId, rol: p.alcance.tipo === 'residente' ? 'residente' : 'admin' };
}
