import { ejecutarSorteo } from './ejecutar-sorteo';
import {
  ALGORITMOS,
  type ParqueaderoEntrada,
  type ParticipanteSorteado,
  type ResultadoCalculado,
  type ResumenSorteo,
} from './tipos';
import { type ConfigPrioridad } from 'src/shared/dominio/config-prioridad';

/** What a stored draw holds: its inputs, and the outputs to check against a recomputation. */
export interface SorteoAlmacenado {
  readonly algoritmo?: string;
  readonly semilla: string;
  readonly config: ConfigPrioridad;
  readonly parqueaderos: readonly ParqueaderoEntrada[];
  readonly insumosHash: string;
  /** In stored order, which must be the result order. */
  readonly participantes: readonly ParticipanteSorteado[];
  readonly resumen?: ResumenSorteo;
}

export interface VerificacionSorteo {
  readonly valido: boolean;
  /** Listed up to MAX_DIFERENCIAS, then one line saying how many more. */
  readonly diferencias: string[];
  /** Every difference found, listed or not. */
  readonly totalDiferencias: number;
}

/** Past this many, a wrong seed would list every field of every participant: a count suffices. */
export const MAX_DIFERENCIAS = 1000;

const CAMPOS_CALCULADOS = [
  'peso',
  'numeroAleatorio',
  'clave',
  'etapa',
  'posicion',
  'resultado',
  'parqueadero',
  'posicionEspera',
] as const satisfies readonly (keyof ParticipanteSorteado)[];

class Diferencias {
  readonly lista: string[] = [];
  private omitidas = 0;

  agregar(texto: string): void {
    if (this.lista.length < MAX_DIFERENCIAS) this.lista.push(texto);
    else this.omitidas++;
  }

  cerrar(): VerificacionSorteo {
    const totalDiferencias = this.lista.length + this.omitidas;
    if (this.omitidas > 0) this.lista.push(`… y ${this.omitidas} diferencias más`);
    return { valido: totalDiferencias === 0, diferencias: this.lista, totalDiferencias };
  }
}

function mostrar(valor: unknown): string {
  return valor === undefined ? 'ausente' : JSON.stringify(valor);
}

function distintos(que: string, almacenado: unknown, recalculado: unknown): string {
  return `${que}: valor almacenado ${mostrar(almacenado)}, valor recalculado ${mostrar(recalculado)}`;
}

/**
 * Recomputes a stored draw from its stored inputs (seed, config, spots and each participant's
 * attributes; the weights are derived again, not trusted) and lists, in Spanish, every field that
 * differs. Removing a participant cannot be seen in the remaining ones' attributes, so it shows
 * through `insumosHash` (and `resumen`), which were fixed over the original inputs.
 */
export function verificarSorteo(almacenado: SorteoAlmacenado): VerificacionSorteo {
  const diferencias = new Diferencias();
  // The algorithm follows from the stored config's modo; a stored name that disagrees is tampering.
  const esperado = ALGORITMOS[almacenado.config.modo];
  if (almacenado.algoritmo !== undefined && almacenado.algoritmo !== esperado) {
    diferencias.agregar(
      `algoritmo ${mostrar(almacenado.algoritmo)}: la configuración del sorteo (modo ${mostrar(almacenado.config.modo)}) corresponde a ${esperado}`,
    );
    return diferencias.cerrar();
  }
  const unicos = sinRepetidos(almacenado.participantes, diferencias);
  let recalculado: ResultadoCalculado;
  try {
    recalculado = ejecutarSorteo({
      semilla: almacenado.semilla,
      config: almacenado.config,
      parqueaderos: almacenado.parqueaderos,
      // The core reads only the entrada fields and never echoes the rest: no copy needed.
      participantes: unicos,
    });
  } catch (error) {
    diferencias.agregar(
      `no se pudo recalcular el sorteo: ${error instanceof Error ? error.message : String(error)}`,
    );
    return diferencias.cerrar();
  }
  if (almacenado.insumosHash !== recalculado.insumosHash) {
    diferencias.agregar(
      distintos('insumosHash', almacenado.insumosHash, recalculado.insumosHash) +
        ' (los participantes, sus pesos o los parqueaderos no son los del sorteo)',
    );
  }
  compararResumen(almacenado.resumen, recalculado.resumen, diferencias);
  compararOrden(almacenado.participantes, recalculado.participantes, diferencias);
  compararCampos(unicos, recalculado.participantes, diferencias);
  return diferencias.cerrar();
}

/** A repeated participant is itself a difference; the draw is recomputed with its first entry. */
function sinRepetidos(
  participantes: readonly ParticipanteSorteado[],
  diferencias: Diferencias,
): ParticipanteSorteado[] {
  const vistos = new Set<string>();
  return participantes.filter(({ solicitudId }) => {
    if (!vistos.has(solicitudId)) return vistos.add(solicitudId);
    diferencias.agregar(`solicitud ${solicitudId}: aparece más de una vez en los participantes`);
    return false;
  });
}

function compararResumen(
  almacenado: ResumenSorteo | undefined,
  recalculado: ResumenSorteo,
  diferencias: Diferencias,
): void {
  if (almacenado === undefined) return;
  for (const campo of ['participantes', 'asignados', 'enEspera'] as const) {
    if (almacenado[campo] !== recalculado[campo]) {
      diferencias.agregar(distintos(`resumen.${campo}`, almacenado[campo], recalculado[campo]));
    }
  }
}

function compararOrden(
  almacenados: readonly ParticipanteSorteado[],
  recalculados: readonly ParticipanteSorteado[],
  diferencias: Diferencias,
): void {
  const comunes = Math.min(almacenados.length, recalculados.length);
  for (let k = 0; k < comunes; k++) {
    if (almacenados[k].solicitudId !== recalculados[k].solicitudId) {
      diferencias.agregar(
        `orden: en el lugar ${k + 1} está la solicitud ${almacenados[k].solicitudId}, ` +
          `debería estar ${recalculados[k].solicitudId}`,
      );
    }
  }
}

function compararCampos(
  almacenados: readonly ParticipanteSorteado[],
  recalculados: readonly ParticipanteSorteado[],
  diferencias: Diferencias,
): void {
  // The usual case keeps the stored order: then pairs line up without a map of every id.
  const mismoOrden =
    almacenados.length === recalculados.length &&
    almacenados.every((p, k) => p.solicitudId === recalculados[k].solicitudId);
  const porId = mismoOrden ? null : new Map(recalculados.map((p) => [p.solicitudId, p]));
  almacenados.forEach((almacenado, k) => {
    // Always found: the recomputation ran on these very participants.
    const recalculado = porId ? porId.get(almacenado.solicitudId) : recalculados[k];
    if (recalculado === undefined) return;
    for (const campo of CAMPOS_CALCULADOS) {
      if (!Object.is(almacenado[campo], recalculado[campo])) {
        diferencias.agregar(
          distintos(
            `solicitud ${almacenado.solicitudId}, ${campo}`,
            almacenado[campo],
            recalculado[campo],
          ),
        );
      }
    }
  });
}
