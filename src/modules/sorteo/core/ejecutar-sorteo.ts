import { repartir } from './etapas';
import { calcularInsumosHash } from './insumos-hash';
import { ordenarEstable, ordenarPorSolicitudId, palabrasDeDoubles } from './orden';
import { ordenarParqueaderos } from './parqueaderos';
import { tabular } from './tabla';
import { ALGORITMO_SORTEO, type EntradaSorteo, type ResultadoCalculado } from './tipos';
import { validarParqueaderos, validarSemilla } from './validacion';

/**
 * The draw ES-SHA256-v1 (SORTEO.md): a pure function of its inputs. It neither reads nor
 * mutates anything else, and the input order does not matter, so anyone holding the published
 * inputs gets the same result. Throws a plain Error on inputs the HTTP layer should have refused.
 */
export function ejecutarSorteo(entrada: EntradaSorteo): ResultadoCalculado {
  const { semilla, participantes, parqueaderos, config } = entrada;
  validarSemilla(semilla);
  validarParqueaderos(parqueaderos);
  const tabla = tabular(participantes, semilla, config.pesos);
  const ordenPorId = ordenarPorSolicitudId(participantes, tabla.id);
  // Negated keys are non-negative, so ascending order is clave descending; the sort is stable
  // and starts from solicitudId order, so equal keys stay in that order: SORTEO.md's tie-break.
  const ranking = ordenarEstable(
    palabrasDeDoubles(tabla.claves.map((clave) => -clave)),
    ordenPorId,
  );
  const resultado = repartir(
    participantes,
    tabla,
    ranking,
    ordenarParqueaderos(semilla, parqueaderos),
  );
  let asignados = 0;
  for (const p of resultado) if (p.parqueadero !== null) asignados++;

  return {
    algoritmo: ALGORITMO_SORTEO,
    insumosHash: calcularInsumosHash(participantes, tabla.pesos, ordenPorId, parqueaderos),
    participantes: resultado,
    resumen: {
      participantes: participantes.length,
      asignados,
      enEspera: participantes.length - asignados,
    },
  };
}
