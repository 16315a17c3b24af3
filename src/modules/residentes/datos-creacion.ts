import type { CrearResidenteDto } from './dto/crear-residente.dto';
import type { DatosResidente } from './residente.entity';

/** What POST /residentes stores from its DTO (the import stores the same). */
export function datosDeCreacion(dto: CrearResidenteDto): DatosResidente {
  return {
    nombre: dto.nombre,
    documento: { tipo: dto.documento.tipo, numero: dto.documento.numero },
    email: dto.email ?? null,
    telefono: dto.telefono ?? null,
    torre: dto.torre,
    apartamento: dto.apartamento,
    tipo: dto.tipo,
    fechaIngreso: dto.fechaIngreso ?? null,
    fechaNacimiento: dto.fechaNacimiento ?? null,
    discapacidad: dto.discapacidad ?? false,
    alDia: dto.alDia ?? true,
    activo: true,
  };
}
