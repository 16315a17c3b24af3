import type { TipoVehiculo, Unidad } from 'src/shared/dominio/vocabulario';
import { copiarConfig } from 'src/shared/dominio/config-prioridad';
import type {
  ExcluidaDto,
  MiAsignacionDto,
  ParqueaderoRespuestaDto,
  ParticipanteDto,
  ResultadoSorteoDto,
  ResumenSorteoDto,
} from './dto/resultado-sorteo.dto';
import {
  camposSorteados,
  type CabeceraSorteo,
  type ExcluidaGuardada,
  type ParticipanteGuardado,
  type ResultadoCompleto,
} from './resultado.entity';
import { ordenPorUnidad } from './vista-residente';

/**
 * Who is looking decides what leaves (API.md "Sorteo"). Whitelists throughout: a field added to the
 * stored shape stays private until someone writes it here.
 */
export type Espectador =
  { rol: 'admin' } | { rol: 'residente'; residenteId: string; unidad: Unidad | null };

/** A resident's own entries: their unit's, and (if they moved since) their own solicitudes. */
export function esPropio(e: Espectador, unidad: Unidad, residenteId: string): boolean {
  if (e.rol === 'admin') return true;
  if (residenteId === e.residenteId) return true;
  return (
    e.unidad !== null &&
    e.unidad.torre === unidad.torre &&
    e.unidad.apartamento === unidad.apartamento
  );
}

export function aParticipanteDto(p: ParticipanteGuardado, e: Espectador): ParticipanteDto {
  const unidad = { torre: p.unidad.torre, apartamento: p.unidad.apartamento };
  if (!esPropio(e, p.unidad, p.residenteId)) {
    return {
      unidad,
      tipoVehiculo: p.tipoVehiculo,
      resultado: p.resultado,
      parqueadero: p.parqueadero,
      posicionEspera: p.posicionEspera,
    };
  }
  const dto: ParticipanteDto = {
    solicitudId: p.solicitudId,
    unidad,
    placa: p.placa,
    ...camposSorteados(p),
  };
  if (e.rol === 'admin') dto.residente = { id: p.residenteId, nombre: p.residenteNombre };
  return dto;
}

/** Arrears are not published: a resident sees only their own unit's exclusions. */
export function aExcluidasDto(
  excluidas: readonly ExcluidaGuardada[],
  e: Espectador,
): ExcluidaDto[] {
  return excluidas
    .filter((x) => esPropio(e, x.unidad, x.residenteId))
    .map((x) => ({
      solicitudId: x.solicitudId,
      unidad: { torre: x.unidad.torre, apartamento: x.unidad.apartamento },
      motivo: x.motivo,
    }));
}

export function aResumenSorteoDto(c: CabeceraSorteo): ResumenSorteoDto {
  return {
    id: c.id,
    nombre: c.nombre,
    ejecutadoEn: c.ejecutadoEn.toISOString(),
    ejecutadoPor: c.ejecutadoPor,
    algoritmo: c.algoritmo,
    origenSemilla: c.origenSemilla,
    semilla: c.semilla,
    insumosHash: c.insumosHash,
    resumen: { ...c.resumen },
    anulado: c.anulado
      ? { motivo: c.anulado.motivo, por: c.anulado.por, fecha: c.anulado.fecha.toISOString() }
      : null,
  };
}

/** Result order for admins; unit order for residents (vista-residente.ts). */
export function participantesEnOrden(
  participantes: readonly ParticipanteGuardado[],
  e: Espectador,
): readonly ParticipanteGuardado[] {
  return e.rol === 'admin' ? participantes : ordenPorUnidad(participantes);
}

/** A spot's reserved flag, with the unit order, would tell residents who won a reserved spot. */
export function aParqueaderoDto(
  s: { codigo: string; tipo: TipoVehiculo; discapacidad: boolean },
  e: Espectador,
): ParqueaderoRespuestaDto {
  return e.rol === 'admin'
    ? { codigo: s.codigo, tipo: s.tipo, discapacidad: s.discapacidad }
    : { codigo: s.codigo, tipo: s.tipo };
}

export function aResultadoSorteoDto(r: ResultadoCompleto, e: Espectador): ResultadoSorteoDto {
  const { resumen, anulado, ...cabecera } = aResumenSorteoDto(r.cabecera);
  const c = r.cabecera.convocatoria;
  return {
    ...cabecera,
    convocatoria: c
      ? {
          id: c.id,
          cerradaEn: c.cerradaEn.toISOString(),
          fuentesPublicas: c.fuentesPublicas.map((f) => ({ descripcion: f.descripcion })),
          valoresPublicos: [...c.valoresPublicos],
          compromisoServidor: c.compromisoServidor,
          secretoServidor: c.secretoServidor,
        }
      : null,
    config: copiarConfig(r.cabecera.config),
    parqueaderos: r.parqueaderos.map((s) => aParqueaderoDto(s, e)),
    participantes: participantesEnOrden(r.participantes, e).map((p) => aParticipanteDto(p, e)),
    excluidas: aExcluidasDto(r.excluidas, e),
    resumen,
    anulado,
  };
}

export function aMiAsignacionDto(
  c: Pick<CabeceraSorteo, 'id' | 'nombre'>,
  x: ParticipanteGuardado | ExcluidaGuardada,
): MiAsignacionDto {
  const participante = 'resultado' in x;
  return {
    sorteoId: c.id,
    nombre: c.nombre,
    tipoVehiculo: x.tipoVehiculo,
    placa: x.placa,
    resultado: participante ? x.resultado : 'no_asignada',
    parqueadero: participante ? x.parqueadero : null,
    posicionEspera: participante ? x.posicionEspera : null,
  };
}
