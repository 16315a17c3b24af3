import { Types } from 'mongoose';
import { ENTRADA_VECTOR } from 'src/modules/sorteo/core/vector-prueba';
import type { AppDePrueba } from './support/app';
import { crearResidenteActivo, type SesionPrueba } from './support/auth-helpers';
import { sembrarAprobadas } from './sorteo-datos';

/** A movimiento as the API returns it. */
export interface Mov {
  n: number;
  tipo: string;
  unidad: { torre: string; apartamento: string } | null;
  parqueadero: string;
  solicitudId?: string | null;
  motivo?: string | null;
}

/** `[n, tipo, last two hex of solicitudId, parqueadero]`: the vector's ids end in their row. */
export const resumen = (movs: Mov[]) =>
  movs.map((m) => [m.n, m.tipo, m.solicitudId?.slice(-2) ?? null, m.parqueadero]);

/** SORTEO.md's announced-draw seed: over the first vector it gives the table renuncias start from. */
export const SEMILLA_DERIVADA = '71098a2aa72f380aa64ea0d0b46ff6924fff73dbae6a8510810d81541c5e9f0e';
/** The draw instant at which the residents' attributes are exactly the vector's. */
export const T_VECTOR = new Date('2026-06-15T12:00:00.000Z');

/** The vector's residents (tower V), as in test/sorteo.e2e-spec.ts. */
const RESIDENTES = [
  ['101', 'carro', true, '1990-01-01', '2024-01-10'],
  ['102', 'carro', false, '1950-05-05', '2014-03-01'],
  ['103', 'carro', false, undefined, undefined],
  ['104', 'carro', false, '1980-06-16', '2021-02-01'],
  ['105', 'carro', true, '1966-06-15', '2023-06-15'],
  ['106', 'moto', false, '2000-01-01', '2025-06-15'],
  ['107', 'moto', false, '1999-12-31', '2022-01-01'],
] as const;

export interface VectorConCuentas {
  /** By the vector's two-digit suffix ('01'..'07'). */
  solicitud: Record<string, string>;
  sesion: Record<string, SesionPrueba>;
  residente: Record<string, string>;
}

/**
 * The vector's participants as residents with accounts (so each can renounce for themself) and
 * approved solicitudes with the vector's ids; plus the earlier draw in which units 103, 105 and 107
 * lost, which gives them `sinAsignacionPrevia`.
 */
export async function sembrarVectorConCuentas(
  t: AppDePrueba,
  admin: SesionPrueba,
): Promise<VectorConCuentas> {
  await sembrarSorteoPrevio(t, admin.usuario.id);
  const v: VectorConCuentas = { solicitud: {}, sesion: {}, residente: {} };
  for (const [k, [apto, , discapacidad, nacimiento, ingreso]] of RESIDENTES.entries()) {
    const { residente, sesion } = await crearResidenteActivo(t, admin, {
      torre: 'V',
      apartamento: apto,
      discapacidad,
      fechaNacimiento: nacimiento,
      fechaIngreso: ingreso,
    });
    const sufijo = `0${k + 1}`;
    v.sesion[sufijo] = sesion;
    v.residente[sufijo] = residente.id;
  }
  const ids = await sembrarAprobadas(
    t,
    RESIDENTES.map(([apto, tipo], k) => ({
      id: ENTRADA_VECTOR.participantes[k].solicitudId,
      residenteId: v.residente[`0${k + 1}`],
      torre: 'V',
      apartamento: apto,
      tipo,
    })),
  );
  ids.forEach((id, k) => (v.solicitud[`0${k + 1}`] = id));
  return v;
}

async function sembrarSorteoPrevio(t: AppDePrueba, adminId: string): Promise<void> {
  const id = new Types.ObjectId();
  const perdedores = [
    ['103', 'carro'],
    ['105', 'carro'],
    ['107', 'moto'],
  ];
  await t.connection.collection('sorteos').insertOne({
    _id: id,
    turno: -3,
    estado: 'completo',
    nombre: 'Previo',
    ejecutadoEn: new Date('2025-12-01T00:00:00Z'),
    ejecutadoPor: adminId,
    algoritmo: 'ES-SHA256-v1',
    semilla: 'b'.repeat(64),
    insumosHash: 'c'.repeat(64),
    config: ENTRADA_VECTOR.config,
    resumen: { participantes: 4, asignados: 1, enEspera: 3, excluidos: 0 },
    tamanoBloque: 1000,
    bloques: { participantes: 1, excluidas: 0, parqueaderos: 0 },
    anulado: null,
    completadoEn: null,
  });
  await t.connection.collection('sorteo_bloques').insertOne({
    _id: `${id.toHexString()}:p:0` as never,
    sorteoId: id.toHexString(),
    tipo: 'p',
    indice: 0,
    items: [
      { unidad: { torre: 'V', apartamento: '101' }, tipoVehiculo: 'carro', resultado: 'asignada' },
      ...perdedores.map(([apto, tipo]) => ({
        unidad: { torre: 'V', apartamento: apto },
        tipoVehiculo: tipo,
        resultado: 'no_asignada',
      })),
    ],
  });
}
