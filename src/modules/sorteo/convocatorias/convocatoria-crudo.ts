import { copiarConfig } from 'src/shared/dominio/config-prioridad';
import type { Unidad } from 'src/shared/dominio/vocabulario';
import type { ParqueaderoEntrada } from '../core/tipos';
import type { ExcluidaGuardada } from '../resultado.entity';
import type {
  ConteoPorTipo,
  ItemsConvocatoria,
  LineaCongelada,
  PublicadoAlCierre,
  ResumenConvocatoria,
  TipoBloqueConvocatoria,
} from './convocatoria.entity';

/*
 * Stored documents back to the entity, field by field (whitelists: a stored extra never travels).
 * Pure, so the pending close's round trip is unit-tested without a database.
 */

type Crudo = Record<string, unknown>;

function unidad(v: unknown): Unidad {
  const u = (v ?? {}) as Crudo;
  return { torre: u.torre as string, apartamento: u.apartamento as string };
}

export function aLinea(v: unknown): LineaCongelada {
  const p = v as Crudo;
  return {
    solicitudId: p.solicitudId as string,
    tipoVehiculo: p.tipoVehiculo as LineaCongelada['tipoVehiculo'],
    discapacidad: p.discapacidad as boolean,
    adultoMayor: p.adultoMayor as boolean,
    sinAsignacionPrevia: p.sinAsignacionPrevia as boolean,
    aniosResidencia: p.aniosResidencia as number,
    version: p.version as number,
    residenteId: p.residenteId as string,
    residenteNombre: p.residenteNombre as string,
    unidad: unidad(p.unidad),
    placa: p.placa as string,
  };
}

export function aExcluida(v: unknown): ExcluidaGuardada {
  const e = v as Crudo;
  return {
    solicitudId: e.solicitudId as string,
    version: e.version as number,
    residenteId: e.residenteId as string,
    unidad: unidad(e.unidad),
    placa: e.placa as string,
    tipoVehiculo: e.tipoVehiculo as ExcluidaGuardada['tipoVehiculo'],
    motivo: e.motivo as string,
  };
}

export function aParqueadero(v: unknown): ParqueaderoEntrada {
  const s = v as Crudo;
  return {
    codigo: s.codigo as string,
    tipo: s.tipo as ParqueaderoEntrada['tipo'],
    discapacidad: s.discapacidad === true,
  };
}

export const MAPEADORES: {
  [T in TipoBloqueConvocatoria]: (v: unknown) => ItemsConvocatoria[T];
} = { participantes: aLinea, excluidas: aExcluida, parqueaderos: aParqueadero };

function conteo(v: unknown): ConteoPorTipo {
  const c = (v ?? {}) as Crudo;
  return { carro: c.carro as number, moto: c.moto as number };
}

export function aResumen(v: unknown): ResumenConvocatoria {
  const r = (v ?? {}) as Crudo;
  return {
    participantes: conteo(r.participantes),
    parqueaderos: conteo(r.parqueaderos),
    excluidos: r.excluidos as number,
  };
}

/** The pending close record (or the header's copy of it) back to what the close publishes. */
export function aPublicado(v: unknown): PublicadoAlCierre {
  const p = v as Crudo;
  const b = (p.bloques ?? {}) as Crudo;
  return {
    cerradaEn: new Date(p.cerradaEn as Date),
    config: copiarConfig(p.config as Parameters<typeof copiarConfig>[0]),
    insumosHash: p.insumosHash as string,
    compromisoServidor: p.compromisoServidor as string,
    resumen: aResumen(p.resumen),
    tamanoBloque: p.tamanoBloque as number,
    bloques: {
      participantes: b.participantes as number,
      excluidas: b.excluidas as number,
      parqueaderos: b.parqueaderos as number,
    },
    primeros: [...((p.primeros ?? []) as string[])],
  };
}
