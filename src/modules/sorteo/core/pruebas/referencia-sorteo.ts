import { createHash } from 'node:crypto';
import type {
  EntradaSorteo,
  ParqueaderoEntrada,
  ParticipanteSorteado,
  ResultadoCalculado,
} from '../tipos';

/*
 * Test support only (excluded from the build): SORTEO.md's two algorithms written the obvious way,
 * to hold the fast core against, and a deep freeze to prove the core mutates nothing.
 */

export function congelar<T>(valor: T): T {
  if (typeof valor === 'object' && valor !== null) {
    Object.values(valor).forEach(congelar);
    Object.freeze(valor);
  }
  return valor;
}

/** SORTEO.md written the obvious way, with no concern for speed, to check the fast version against. */
export function referencia({
  semilla,
  participantes,
  parqueaderos,
  config,
}: EntradaSorteo): ResultadoCalculado {
  const sha = (texto: string): string => createHash('sha256').update(texto, 'utf8').digest('hex');
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const { pesos, niveles } = config;
  const enNiveles = config.modo === 'niveles';
  const calculados = participantes.map((p) => {
    const peso = enNiveles
      ? (p.discapacidad ? niveles.discapacidad : 0) +
        (p.adultoMayor ? niveles.adultoMayor : 0) +
        (p.sinAsignacionPrevia ? niveles.sinAsignacionPrevia : 0)
      : (p.discapacidad ? pesos.discapacidad : 1) *
        (p.adultoMayor ? pesos.adultoMayor : 1) *
        (p.sinAsignacionPrevia ? pesos.sinAsignacionPrevia : 1) *
        (1 + pesos.antiguedadPorAnio * Math.min(p.aniosResidencia, pesos.antiguedadMaxAnios));
    const numeroAleatorio =
      (parseInt(sha(`${semilla}:${p.solicitudId}`).slice(0, 13), 16) + 0.5) / 2 ** 52;
    const clave = enNiveles ? numeroAleatorio : Math.log(numeroAleatorio) / peso;
    return { entrada: p, peso, numeroAleatorio, clave };
  });
  type Calculado = (typeof calculados)[number];
  // The two algorithms differ only here (and in the hash's first line): the stages below are shared.
  const ranking = [...calculados].sort(
    (a, b) =>
      (enNiveles ? b.peso - a.peso : 0) ||
      b.clave - a.clave ||
      cmp(a.entrada.solicitudId, b.entrada.solicitudId),
  );
  const espacios = [...parqueaderos].sort((a, b) =>
    cmp(sha(`${semilla}:${a.codigo}`), sha(`${semilla}:${b.codigo}`)),
  );
  const salida: ParticipanteSorteado[] = [];
  const etapa = (
    competidores: Calculado[],
    libres: ParqueaderoEntrada[],
    nombre: 'reservada' | 'general',
  ): void => {
    let espera = 0;
    competidores.forEach((c, k) => {
      const parqueadero = k < libres.length ? libres[k].codigo : null;
      salida.push({
        ...c.entrada,
        peso: c.peso,
        numeroAleatorio: c.numeroAleatorio,
        clave: c.clave,
        etapa: nombre,
        posicion: k + 1,
        resultado: parqueadero === null ? 'no_asignada' : 'asignada',
        parqueadero,
        posicionEspera: parqueadero === null ? ++espera : null,
      });
    });
  };
  const reservados = espacios.filter((s) => s.tipo === 'carro' && s.discapacidad);
  const conDiscapacidad = ranking.filter(
    (c) => c.entrada.tipoVehiculo === 'carro' && c.entrada.discapacidad,
  );
  const ganadores = conDiscapacidad.slice(0, Math.min(reservados.length, conDiscapacidad.length));
  etapa(ganadores, reservados, 'reservada');
  etapa(
    ranking.filter((c) => c.entrada.tipoVehiculo === 'carro' && !ganadores.includes(c)),
    espacios.filter(
      (s) => s.tipo === 'carro' && !reservados.slice(0, ganadores.length).includes(s),
    ),
    'general',
  );
  etapa(
    ranking.filter((c) => c.entrada.tipoVehiculo === 'moto'),
    espacios.filter((s) => s.tipo === 'moto'),
    'general',
  );
  const lineas = [
    enNiveles ? 'NIVELES-SHA256-v1' : 'ES-SHA256-v1',
    ...[...calculados]
      .sort((a, b) => cmp(a.entrada.solicitudId, b.entrada.solicitudId))
      .map(
        (c) =>
          `P ${c.entrada.solicitudId} ${c.entrada.tipoVehiculo} ${c.entrada.discapacidad ? 1 : 0} ${c.peso}`,
      ),
    ...[...parqueaderos]
      .sort((a, b) => cmp(a.codigo, b.codigo))
      .map((s) => `S ${s.codigo} ${s.tipo} ${s.discapacidad ? 1 : 0}`),
  ];
  const asignados = salida.filter((p) => p.parqueadero !== null).length;
  return {
    algoritmo: enNiveles ? 'NIVELES-SHA256-v1' : 'ES-SHA256-v1',
    insumosHash: sha(lineas.join('\n')),
    participantes: salida,
    resumen: { participantes: salida.length, asignados, enEspera: salida.length - asignados },
  };
}
