import type { ParqueaderosOrdenados } from './parqueaderos';
import { CARRO_DISCAPACIDAD, MOTO, type TablaParticipantes } from './tabla';
import type { ParticipanteEntrada, ParticipanteSorteado } from './tipos';

/**
 * SORTEO.md's stages. Stage 1's winners are the first min(#reserved spots, #carro participants
 * with discapacidad) of those participants in ranking order (clave descending, ties by
 * solicitudId), and stage 2 ranks everyone else in that same order, so one walk down the ranking
 * decides both. That walk only touches typed arrays; the result objects are then built in input
 * order, because visiting a million input objects in ranking order costs a cache miss each.
 */
export function repartir(
  participantes: readonly ParticipanteEntrada[],
  tabla: TablaParticipantes,
  ranking: Uint32Array,
  parqueaderos: ParqueaderosOrdenados,
): ParticipanteSorteado[] {
  const { clase } = tabla;
  const n = participantes.length;
  let carros = 0;
  let carrosConDiscapacidad = 0;
  for (let i = 0; i < n; i++) {
    if (clase[i] !== MOTO) carros++;
    if (clase[i] === CARRO_DISCAPACIDAD) carrosConDiscapacidad++;
  }
  const ganadoresReservada = Math.min(parqueaderos.reservados.length, carrosConDiscapacidad);
  const generalCarro = parqueaderosGeneralCarro(parqueaderos, ganadoresReservada);

  // Result order is carro `reservada`, carro `general`, moto, each by posicion: a slot per index.
  const lugar = new Uint32Array(n);
  const posicion = new Uint32Array(n);
  const posicionEspera = new Uint32Array(n); // 0: has a spot
  const parqueadero = new Array<string | null>(n).fill(null);
  const cuenta = { reservada: 0, carro: 0, moto: 0, esperaCarro: 0, esperaMoto: 0 };
  for (const i of ranking) {
    if (clase[i] === MOTO) {
      posicion[i] = ++cuenta.moto;
      lugar[i] = carros + cuenta.moto - 1;
      if (cuenta.moto <= parqueaderos.moto.length) {
        parqueadero[i] = parqueaderos.moto[cuenta.moto - 1];
      } else {
        posicionEspera[i] = ++cuenta.esperaMoto;
      }
    } else if (clase[i] === CARRO_DISCAPACIDAD && cuenta.reservada < ganadoresReservada) {
      posicion[i] = ++cuenta.reservada;
      lugar[i] = cuenta.reservada - 1;
      parqueadero[i] = parqueaderos.reservados[cuenta.reservada - 1];
    } else {
      posicion[i] = ++cuenta.carro;
      lugar[i] = ganadoresReservada + cuenta.carro - 1;
      if (cuenta.carro <= generalCarro.length) {
        parqueadero[i] = generalCarro[cuenta.carro - 1];
      } else {
        posicionEspera[i] = ++cuenta.esperaCarro;
      }
    }
  }

  const { pesos, numeros, claves } = tabla;
  const resultado = new Array<ParticipanteSorteado>(n);
  for (let i = 0; i < n; i++) {
    const p = participantes[i];
    // Only the entrada's own fields: callers may pass objects that carry more, not to be echoed.
    resultado[lugar[i]] = {
      solicitudId: p.solicitudId,
      tipoVehiculo: p.tipoVehiculo,
      discapacidad: p.discapacidad,
      adultoMayor: p.adultoMayor,
      sinAsignacionPrevia: p.sinAsignacionPrevia,
      aniosResidencia: p.aniosResidencia,
      peso: pesos[i],
      numeroAleatorio: numeros[i],
      clave: claves[i],
      etapa: lugar[i] < ganadoresReservada ? 'reservada' : 'general',
      posicion: posicion[i],
      resultado: parqueadero[i] === null ? 'no_asignada' : 'asignada',
      parqueadero: parqueadero[i],
      posicionEspera: posicionEspera[i] === 0 ? null : posicionEspera[i],
    };
  }
  return resultado;
}

/** Unreserved carro spots plus the reserved ones stage 1 left over, still in draw order. */
function parqueaderosGeneralCarro(
  parqueaderos: ParqueaderosOrdenados,
  ganadoresReservada: number,
): string[] {
  let tomados = 0;
  const libres: string[] = [];
  for (const { codigo, discapacidad } of parqueaderos.carro) {
    if (discapacidad && tomados < ganadoresReservada) tomados++;
    else libres.push(codigo);
  }
  return libres;
}
