import type {
  DesenlaceSorteo,
  SolicitudParaSorteo,
} from 'src/modules/solicitudes/solicitud.entity';
import type { Unidad } from 'src/shared/dominio/vocabulario';
import type { AtributosSorteoResidente } from 'src/modules/residentes/residente.entity';
import { CodigoError } from 'src/shared/errors/error-codes';
import { calcularAniosResidencia, esAdultoMayor } from './core/atributos';
import type { ParticipanteEntrada, ParticipanteSorteado } from './core/tipos';
import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';
import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import {
  camposSorteados,
  type ExcluidaGuardada,
  type ParticipanteGuardado,
} from './resultado.entity';

/*
 * The pure steps around the core: from reserved solicitudes and residents to the core's inputs,
 * and from the core's output to what is stored and applied. No I/O, so they are unit-tested alone.
 */

export const MOTIVO_EN_MORA = CodigoError.RESIDENTE_EN_MORA;
/** A resident given de baja while their solicitud was still approved (a race with the draw). */
export const MOTIVO_INACTIVO = CodigoError.RESIDENTE_INACTIVO;

/** Unit and vehicle type: what `sinAsignacionPrevia` compares between draws. */
export function claveUnidadTipo(unidad: Unidad, tipo: TipoVehiculo): string {
  return `${unidad.torre}\u0000${unidad.apartamento}\u0000${tipo}`;
}

interface DatosPublicables {
  version: number;
  residenteId: string;
  residenteNombre: string;
  unidad: Unidad;
  placa: string;
}

export interface Clasificacion {
  entradas: ParticipanteEntrada[];
  datos: Map<string, DatosPublicables>;
  excluidas: ExcluidaGuardada[];
}

/**
 * Attributes at the draw instant `t` (SORTEO.md "Inputs"), and the exclusions: residents not al
 * día when the config requires it, and residents no longer active.
 */
export function clasificar(
  candidatos: readonly SolicitudParaSorteo[],
  residentes: ReadonlyMap<string, AtributosSorteoResidente>,
  config: ConfigPrioridad,
  t: Date,
  perdedoresPrevios: ReadonlySet<string>,
): Clasificacion {
  const entradas: ParticipanteEntrada[] = [];
  const datos = new Map<string, DatosPublicables>();
  const excluidas: ExcluidaGuardada[] = [];
  for (const s of candidatos) {
    const r = residentes.get(s.residenteId);
    const unidad = { torre: s.unidad.torre, apartamento: s.unidad.apartamento };
    const base = {
      solicitudId: s.id,
      version: s.version,
      residenteId: s.residenteId,
      unidad,
      placa: s.vehiculo.placa,
      tipoVehiculo: s.vehiculo.tipo,
    };
    if (!r || !r.activo) {
      excluidas.push({ ...base, motivo: MOTIVO_INACTIVO });
      continue;
    }
    if (config.requiereAlDia && !r.alDia) {
      excluidas.push({ ...base, motivo: MOTIVO_EN_MORA });
      continue;
    }
    entradas.push({
      solicitudId: s.id,
      tipoVehiculo: s.vehiculo.tipo,
      discapacidad: r.discapacidad,
      adultoMayor: esAdultoMayor(r.fechaNacimiento, t, config.edadAdultoMayor),
      sinAsignacionPrevia: perdedoresPrevios.has(claveUnidadTipo(unidad, s.vehiculo.tipo)),
      aniosResidencia: calcularAniosResidencia(r.fechaIngreso, t),
    });
    datos.set(s.id, {
      version: s.version,
      residenteId: s.residenteId,
      residenteNombre: r.nombre,
      unidad,
      placa: s.vehiculo.placa,
    });
  }
  return { entradas, datos, excluidas };
}

/** The core's output joined with what the result publishes and the recovery needs. */
export function aGuardados(
  sorteados: readonly ParticipanteSorteado[],
  datos: ReadonlyMap<string, DatosPublicables>,
): ParticipanteGuardado[] {
  return sorteados.map((p) => {
    const d = datos.get(p.solicitudId);
    if (!d) throw new Error(`Participante ${p.solicitudId} sin datos de solicitud`);
    return {
      solicitudId: p.solicitudId,
      version: d.version,
      residenteId: d.residenteId,
      residenteNombre: d.residenteNombre,
      unidad: d.unidad,
      placa: d.placa,
      ...camposSorteados(p),
    };
  });
}

/** What each solicitud becomes; derived only from stored data, so a recovery derives the same. */
export function desenlaces(
  participantes: readonly ParticipanteGuardado[],
  excluidas: readonly ExcluidaGuardada[],
): DesenlaceSorteo[] {
  const lista: DesenlaceSorteo[] = participantes.map((p) => ({
    id: p.solicitudId,
    version: p.version + 1,
    estado: p.resultado,
    parqueadero: p.parqueadero,
    posicionEspera: p.posicionEspera,
    motivo: null,
    unidad: { torre: p.unidad.torre, apartamento: p.unidad.apartamento },
    vehiculo: { placa: p.placa, tipo: p.tipoVehiculo },
  }));
  for (const e of excluidas) {
    lista.push({
      id: e.solicitudId,
      version: e.version + 1,
      estado: 'no_asignada',
      parqueadero: null,
      posicionEspera: null,
      motivo: e.motivo,
      unidad: { torre: e.unidad.torre, apartamento: e.unidad.apartamento },
      vehiculo: { placa: e.placa, tipo: e.tipoVehiculo },
    });
  }
  return lista;
}

/** Units (and vehicle type) that were left without a spot: next draw's `sinAsignacionPrevia`. */
export function perdedores(participantes: Iterable<ParticipanteGuardado>, en: Set<string>): void {
  for (const p of participantes) {
    if (p.resultado === 'no_asignada') en.add(claveUnidadTipo(p.unidad, p.tipoVehiculo));
  }
}
