import type { ConfigPrioridad } from 'src/shared/dominio/config-prioridad';
import { calcularPeso, calcularPuntaje } from '../core/peso';
import type { ParqueaderoEntrada, ParticipanteEntrada } from '../core/tipos';
import type { Clasificacion } from '../preparacion';
import type { ExcluidaGuardada } from '../resultado.entity';
import type { LineaCongelada, ResumenConvocatoria } from './convocatoria.entity';

/*
 * The pure steps of a close and of the lookups on what it froze. No I/O: unit-tested alone.
 */

/** The classified participants as frozen lines, by solicitudId ascending (the chunks' order). */
export function congelar(c: Pick<Clasificacion, 'entradas' | 'datos'>): LineaCongelada[] {
  const lineas = c.entradas.map((e): LineaCongelada => {
    const d = c.datos.get(e.solicitudId);
    if (!d) throw new Error(`Participante ${e.solicitudId} sin datos de solicitud`);
    return {
      solicitudId: e.solicitudId,
      tipoVehiculo: e.tipoVehiculo,
      discapacidad: e.discapacidad,
      adultoMayor: e.adultoMayor,
      sinAsignacionPrevia: e.sinAsignacionPrevia,
      aniosResidencia: e.aniosResidencia,
      version: d.version,
      residenteId: d.residenteId,
      residenteNombre: d.residenteNombre,
      unidad: { torre: d.unidad.torre, apartamento: d.unidad.apartamento },
      placa: d.placa,
    };
  });
  // Ids are 24 lowercase hex digits: string order is numeric order.
  return lineas.sort((a, b) => (a.solicitudId < b.solicitudId ? -1 : 1));
}

/** The first solicitudId of each chunk of `tamano` lines. */
export function primerosDeBloques(lineas: readonly LineaCongelada[], tamano: number): string[] {
  const primeros: string[] = [];
  for (let i = 0; i < lineas.length; i += tamano) primeros.push(lineas[i].solicitudId);
  return primeros;
}

/**
 * The chunks that may hold any of `ids`: chunk i spans [primeros[i], primeros[i + 1]). A binary
 * search per id; ids below the first chunk hold no line. Ascending, without repeats.
 */
export function bloquesDe(ids: readonly string[], primeros: readonly string[]): number[] {
  const indices = new Set<number>();
  for (const id of ids) {
    let bajo = 0;
    let alto = primeros.length - 1;
    let hallado = -1;
    while (bajo <= alto) {
      const medio = (bajo + alto) >> 1;
      if (primeros[medio] <= id) {
        hallado = medio;
        bajo = medio + 1;
      } else {
        alto = medio - 1;
      }
    }
    if (hallado >= 0) indices.add(hallado);
  }
  return [...indices].sort((a, b) => a - b);
}

export function resumenDe(
  lineas: readonly ParticipanteEntrada[],
  parqueaderos: readonly ParqueaderoEntrada[],
  excluidas: readonly ExcluidaGuardada[],
): ResumenConvocatoria {
  const contar = (tipos: Array<'carro' | 'moto'>) => ({
    carro: tipos.filter((t) => t === 'carro').length,
    moto: tipos.filter((t) => t === 'moto').length,
  });
  return {
    participantes: contar(lineas.map((l) => l.tipoVehiculo)),
    parqueaderos: contar(parqueaderos.map((s) => s.tipo)),
    excluidos: excluidas.length,
  };
}

export interface LineaPublica {
  solicitudId: string;
  tipoVehiculo: 'carro' | 'moto';
  discapacidad: boolean;
  adultoMayor: boolean;
  sinAsignacionPrevia: boolean;
  aniosResidencia: number;
  peso: number;
}

/** A resident's frozen line as `mi-participacion` shows it, with the weight the draw will use. */
export function lineaPublica(l: LineaCongelada, config: ConfigPrioridad): LineaPublica {
  return {
    solicitudId: l.solicitudId,
    tipoVehiculo: l.tipoVehiculo,
    discapacidad: l.discapacidad,
    adultoMayor: l.adultoMayor,
    sinAsignacionPrevia: l.sinAsignacionPrevia,
    aniosResidencia: l.aniosResidencia,
    peso:
      config.modo === 'niveles'
        ? calcularPuntaje(l, config.niveles)
        : calcularPeso(l, config.pesos),
  };
}
