import { creacion } from 'src/modules/auditoria/entrada-auditoria';
import type { CabeceraSorteo } from './resultado.entity';
import type { EntradaFechada } from './auditoria-de-turno';

/**
 * A draw's entry: what makes it verifiable (seed, inputs hash, algorithm, config, counts), not its
 * 100,000 outcomes, which the stored result holds and `verificar` recomputes. Only admins run draws.
 */
export function entradaDeSorteo(c: CabeceraSorteo): EntradaFechada {
  return {
    actor: { id: c.ejecutadoPor, rol: 'admin' },
    accion: 'sorteo.ejecutado',
    recurso: { tipo: 'sorteo', id: c.id },
    fecha: c.ejecutadoEn,
    cambios: creacion({
      nombre: c.nombre,
      algoritmo: c.algoritmo,
      origenSemilla: c.origenSemilla,
      semilla: c.semilla,
      insumosHash: c.insumosHash,
      convocatoriaId: c.convocatoria?.id ?? null,
      config: c.config,
      resumen: c.resumen,
    }),
  };
}
