import { repartir } from './etapas';
import { calcularInsumosHash } from './insumos-hash';
import { ordenarEstable, ordenarPorSolicitudId, palabrasDeDoubles } from './orden';
import { ordenarParqueaderos } from './parqueaderos';
import { tabular, type TablaParticipantes } from './tabla';
import { ALGORITMOS, type EntradaSorteo, type ResultadoCalculado } from './tipos';
import { validarParqueaderos, validarSemilla } from './validacion';

/**
 * The draw (SORTEO.md): ES-SHA256-v1, or NIVELES-SHA256-v1 when `config.modo` is `niveles`; they
 * differ only in the weight and the ranking, and share the stages, spots and waiting list. A pure
 * function of its inputs: it neither reads nor mutates anything else, and the input order does not
 * matter, so anyone holding the published inputs gets the same result. Throws a plain Error on
 * inputs the HTTP layer should have refused.
 */
export function ejecutarSorteo(entrada: EntradaSorteo): ResultadoCalculado {
  const { semilla, participantes, parqueaderos, config } = entrada;
  validarSemilla(semilla);
  validarParqueaderos(parqueaderos);
  const algoritmo = ALGORITMOS[config.modo];
  const tabla = tabular(participantes, semilla, config);
  const ordenPorId = ordenarPorSolicitudId(participantes, tabla.id);
  const ranking = ordenarEstable(
    config.modo === 'niveles' ? clavesNiveles(tabla) : clavesPonderadas(tabla),
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
    algoritmo,
    insumosHash: calcularInsumosHash(
      algoritmo,
      participantes,
      tabla.pesos,
      ordenPorId,
      parqueaderos,
    ),
    participantes: resultado,
    resumen: {
      participantes: participantes.length,
      asignados,
      enEspera: participantes.length - asignados,
    },
  };
}

/*
 * Sort keys, ascending, least significant word first. The sort is stable and starts from
 * solicitudId order, so equal keys stay in that order: SORTEO.md's last tie-break.
 */

/** ES-SHA256-v1: clave descending. Negated keys are non-negative, so ascending order does it. */
function clavesPonderadas(tabla: TablaParticipantes): Uint32Array[] {
  return palabrasDeDoubles(tabla.claves.map((clave) => -clave));
}

/**
 * NIVELES-SHA256-v1: peso descending, then clave (the numero, in (0, 1)) descending. A positive
 * double's bits order like the number, so their complement orders it descending; likewise the
 * integer score's complement, as the most significant word.
 */
function clavesNiveles(tabla: TablaParticipantes): Uint32Array[] {
  const [bajas, altas] = palabrasDeDoubles(tabla.claves);
  const puntajes = Uint32Array.from(tabla.pesos, (p) => ~p >>> 0);
  return [bajas.map((w) => ~w >>> 0), altas.map((w) => ~w >>> 0), puntajes];
}
