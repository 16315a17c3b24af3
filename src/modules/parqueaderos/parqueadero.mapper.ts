import { veComoAdmin } from 'src/core/auth/roles';
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

/** Staff (admin and revisor) see the whole spot; a resident, the fields above. */
export function vistaPara(
  rol: Rol,
): (p: ParqueaderoEntidad) => ParqueaderoInventarioDto | ParqueaderoVistaResidenteDto {
  return veComoAdmin(rol) ? aParqueaderoInventarioDto : aVistaResidenteDto;
}
