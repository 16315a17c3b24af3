import {
  CuentaResidente,
  EstadoRegistro,
  TipoDocumento,
  TipoResidente,
} from './schemas/residente.schema';

export interface ResidenteEntidad {
  id: string;
  nombre: string;
  documento: { tipo: TipoDocumento; numero: string };
  email: string | null;
  telefono: string | null;
  torre: string;
  apartamento: string;
  tipo: TipoResidente;
  fechaIngreso: string | null;
  fechaNacimiento: string | null;
  discapacidad: boolean;
  alDia: boolean;
  activo: boolean;
  cuenta: CuentaResidente;
  registro: EstadoRegistro | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type DatosResidente = Omit<
  ResidenteEntidad,
  'id' | 'cuenta' | 'registro' | 'version' | 'createdAt' | 'updatedAt'
>;

/** What one write may set: any stored field but the id, the version and the timestamps. */
export type CambiosResidente = Partial<DatosResidente> & {
  cuenta?: CuentaResidente;
  registro?: EstadoRegistro;
};

export interface FiltroResidentes {
  torre?: string;
  apartamento?: string;
  activo?: boolean;
  alDia?: boolean;
  registro?: EstadoRegistro;
  q?: string;
}

/** What the draw needs of a resident, read once for all participants. */
export interface AtributosSorteoResidente {
  id: string;
  nombre: string;
  discapacidad: boolean;
  fechaNacimiento: string | null;
  fechaIngreso: string | null;
  alDia: boolean;
  activo: boolean;
}
