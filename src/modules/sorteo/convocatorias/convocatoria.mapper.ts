import { type Rol, veComoAdmin } from 'src/core/auth/roles';
import { copiarConfig } from 'src/shared/dominio/config-prioridad';
import type { Convocatoria } from './convocatoria.entity';
import type { ConvocatoriaDto } from './dto/convocatoria.dto';

/**
 * A whitelist: the header holds no secret, but fields are still named one by one so that nothing
 * added to the stored shape (the reserved draw id, chunk counts) reaches the wire by accident.
 */
export function aConvocatoriaDto(c: Convocatoria, rol: Rol): ConvocatoriaDto {
  // A resident does not see which spots are reserved: matched against the published result, the
  // flags would reveal which units have a resident with a disability (Ley 1581), as in the result.
  const staff = veComoAdmin(rol);
  const k = c.cierre;
  return {
    id: c.id,
    nombre: c.nombre,
    estado: c.estado,
    fechaSorteo: c.fechaSorteo.toISOString(),
    vigencia: c.vigencia
      ? { desde: c.vigencia.desde.toISOString(), hasta: c.vigencia.hasta.toISOString() }
      : null,
    fuentesPublicas: c.fuentesPublicas.map((f) => ({ descripcion: f.descripcion })),
    parqueaderos: c.parqueaderos.map((s) =>
      staff
        ? { codigo: s.codigo, tipo: s.tipo, discapacidad: s.discapacidad }
        : { codigo: s.codigo, tipo: s.tipo },
    ),
    config: k ? copiarConfig(k.config) : null,
    cerradaEn: k ? k.cerradaEn.toISOString() : null,
    insumosHash: k ? k.insumosHash : null,
    compromisoServidor: k ? k.compromisoServidor : null,
    resumen: k
      ? {
          participantes: { ...k.resumen.participantes },
          parqueaderos: { ...k.resumen.parqueaderos },
          excluidos: k.resumen.excluidos,
        }
      : null,
    sorteoId: c.sorteoId,
    cancelada: c.cancelada
      ? {
          motivo: c.cancelada.motivo,
          por: c.cancelada.por,
          fecha: c.cancelada.fecha.toISOString(),
        }
      : null,
    creadaPor: c.creadaPor,
    createdAt: c.createdAt.toISOString(),
  };
}
