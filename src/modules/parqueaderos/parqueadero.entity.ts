import type { TipoVehiculo } from 'src/shared/dominio/vocabulario';

export const TIPOS_PARQUEADERO = ['carro', 'moto'] as const satisfies readonly TipoVehiculo[];
export type TipoParqueadero = (typeof TIPOS_PARQUEADERO)[number];

/** `codigo`: 1 to 20 letters, digits or hyphens (the draw puts it in a space-separated line). */
export const CODIGO_PARQUEADERO = /^[A-Za-z0-9-]{1,20}$/;
export const MAX_ZONA = 40;

export interface ParqueaderoEntidad {
  id: string;
  codigo: string;
  tipo: TipoParqueadero;
  discapacidad: boolean;
  zona: string | null;
  activo: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a spot is, apart from its identity and bookkeeping. */
export type DatosParqueadero = Pick<
  ParqueaderoEntidad,
  'codigo' | 'tipo' | 'discapacidad' | 'zona' | 'activo'
>;

/** What one write may set: anything but the codigo, which never changes. */
export type CambiosParqueadero = Partial<Omit<DatosParqueadero, 'codigo'>>;

export interface FiltroParqueaderos {
  tipo?: TipoParqueadero;
  discapacidad?: boolean;
  activo?: boolean;
  zona?: string;
}

/** A spot as the draw takes it (SORTEO.md "Inputs"). */
export interface ParqueaderoParaSorteo {
  codigo: string;
  tipo: TipoParqueadero;
  discapacidad: boolean;
}
