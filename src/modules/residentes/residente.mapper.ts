import { ResidenteDto } from './dto/residente-response.dto';
import { ResidenteEntidad } from './residente.entity';

/** Whitelist of what a Residente looks like on the wire. */
export function aResidenteDto(r: ResidenteEntidad): ResidenteDto {
  return {
    id: r.id,
    nombre: r.nombre,
    documento: { tipo: r.documento.tipo, numero: r.documento.numero },
    email: r.email,
    telefono: r.telefono,
    torre: r.torre,
    apartamento: r.apartamento,
    tipo: r.tipo,
    fechaIngreso: r.fechaIngreso,
    fechaNacimiento: r.fechaNacimiento,
    discapacidad: r.discapacidad,
    alDia: r.alDia,
    activo: r.activo,
    cuenta: r.cuenta,
    registro: r.registro,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
