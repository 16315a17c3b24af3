import type { Rol } from 'src/core/auth/roles';
import {
  ParqueaderoInventarioDto,
  ParqueaderoVistaResidenteDto,
} from './dto/parqueadero-response.dto';
import type { ParqueaderoEntidad } from './parqueadero.entity';

/** Whitelist of what a Parqueadero looks like on the wire to staff. */
export function aParqueaderoInventarioDto(p: ParqueaderoEntidad): ParqueaderoInventarioDto {
  return {
    id: p.id,
    codigo: p.codigo,
    tipo: p.tipo,
    discapacidad: p.discapacidad,
    zona: p.zona,
    activo: p.activo,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A resident sees where a spot is and what it is for (API.md), not whether it is reserved. */
export function aVistaResidenteDto(p: ParqueaderoEntidad): ParqueaderoVistaResidenteDto {
  return { codigo: p.codigo, tipo: p.tipo, zona: p.zona };
}

/** Exhaustive on purpose: a new role does not compile until someone decides what it sees. */
export function vistaPara(
  rol: Rol,
): (p: ParqueaderoEntidad) => ParqueaderoInventarioDto | ParqueaderoVistaResidenteDto {
  switch (rol) {
    case 'admin':
      return aParqueaderoInventarioDto;
    case 'residente':
      return aVistaResidenteDto;
    default: {
      const otro: never = rol;
      throw new Error(`Rol sin vista de parqueaderos: ${String(otro)}`);
    }
  }
}
