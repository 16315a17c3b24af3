#!/usr/bin/env node
// Verifica un sorteo ParkNet (ES-SHA256-v1 o NIVELES-SHA256-v1) con nada más que SHA-256 y logaritmos.
//
//   node verificar-sorteo.mjs resultado.json [movimientos.json ...]
//
// resultado.json es la respuesta de GET /sorteo/resultados/:id vista por un administrador.
// Si el sorteo tiene movimientos (renuncias, omisiones, promociones y vacantes), pase también las
// respuestas de GET /sorteo/resultados/:id/movimientos (todas sus páginas, un archivo por página):
// el resultado muestra a cada participante como está hoy, así que el script repite los movimientos
// sobre el sorteo recalculado y comprueba cada promoción (el primero de la lista de espera que no
// quedó omitido) antes de comparar.
// Recalcula pesos, números aleatorios, claves, etapas, asignaciones e insumosHash a partir de las
// entradas publicadas (semilla, config, parqueaderos y los atributos de cada participante), y
// lista cada diferencia. En un sorteo anunciado (convocatoria) comprueba además que el secreto del
// servidor corresponde al compromiso publicado al cierre y que la semilla sale de PARKNET-SEMILLA-v1.
// Sale con 0 si todo coincide y con 1 en cualquier otro caso.
// Está escrito aparte del servidor a propósito: quien desconfíe del servidor puede leerlo entero
// (con verificar-movimientos.mjs, que va en la misma carpeta).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { conMovimientos, verificarMovimientos } from './verificar-movimientos.mjs';

const ALGORITMOS = { ponderado: 'ES-SHA256-v1', niveles: 'NIVELES-SHA256-v1' };
const NIVELES_POR_DEFECTO = { discapacidad: 1000, adultoMayor: 500, sinAsignacionPrevia: 100 };
const CAMPOS = 'peso numeroAleatorio clave etapa posicion resultado parqueadero posicionEspera';

const sha256 = (texto) => createHash('sha256').update(texto, 'utf8').digest('hex');
// Orden por unidades UTF-16, como el `<` de JavaScript (nunca por idioma).
const comparar = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const mostrar = (valor) => (valor === undefined ? 'ausente' : JSON.stringify(valor));

function calcularPeso(p, pesos) {
  const fD = p.discapacidad ? pesos.discapacidad : 1;
  const fM = p.adultoMayor ? pesos.adultoMayor : 1;
  const fP = p.sinAsignacionPrevia ? pesos.sinAsignacionPrevia : 1;
  return (
    fD *
    fM *
    fP *
    (1 + pesos.antiguedadPorAnio * Math.min(p.aniosResidencia, pesos.antiguedadMaxAnios))
  );
}

// NIVELES-SHA256-v1: la suma de los niveles que aplican; la antigüedad no cuenta.
function calcularPuntaje(p, niveles) {
  return (
    (p.discapacidad ? niveles.discapacidad : 0) +
    (p.adultoMayor ? niveles.adultoMayor : 0) +
    (p.sinAsignacionPrevia ? niveles.sinAsignacionPrevia : 0)
  );
}

// Los ganadores, en orden de clasificación, toman los parqueaderos en su orden de sorteo.
function repartir(competidores, parqueaderos, etapa) {
  let espera = 0;
  competidores.forEach((p, i) => {
    p.etapa = etapa;
    p.posicion = i + 1;
    p.parqueadero = i < parqueaderos.length ? parqueaderos[i].codigo : null;
    p.resultado = p.parqueadero === null ? 'no_asignada' : 'asignada';
    p.posicionEspera = p.parqueadero === null && etapa === 'general' ? ++espera : null;
  });
}

function recalcular({ semilla, config, parqueaderos, participantes }) {
  const niveles = config.modo === 'niveles';
  const calculados = participantes.map((p) => {
    const n = parseInt(sha256(`${semilla}:${p.solicitudId}`).slice(0, 13), 16);
    const numeroAleatorio = (n + 0.5) / 2 ** 52;
    const peso = niveles
      ? calcularPuntaje(p, config.niveles ?? NIVELES_POR_DEFECTO)
      : calcularPeso(p, config.pesos);
    const { solicitudId, tipoVehiculo, discapacidad } = p;
    return {
      solicitudId,
      tipoVehiculo,
      discapacidad,
      peso,
      numeroAleatorio,
      clave: niveles ? numeroAleatorio : Math.log(numeroAleatorio) / peso,
    };
  });
  // Por niveles manda primero el puntaje; luego la clave, y en empate la solicitudId.
  const ranking = [...calculados].sort(
    (a, b) =>
      (niveles ? b.peso - a.peso : 0) ||
      b.clave - a.clave ||
      comparar(a.solicitudId, b.solicitudId),
  );
  const espacios = parqueaderos
    .map((s) => ({
      codigo: s.codigo,
      tipo: s.tipo,
      discapacidad: s.discapacidad === true,
      orden: sha256(`${semilla}:${s.codigo}`),
    }))
    .sort((a, b) => comparar(a.orden, b.orden));

  // Carro, etapa 1: los participantes con discapacidad compiten por los parqueaderos reservados.
  const reservados = espacios.filter((s) => s.tipo === 'carro' && s.discapacidad);
  const conDiscapacidad = ranking.filter((p) => p.tipoVehiculo === 'carro' && p.discapacidad);
  const ganadores = conDiscapacidad.slice(0, Math.min(reservados.length, conDiscapacidad.length));
  repartir(ganadores, reservados, 'reservada');
  // Carro, etapa 2: todos los demás, por todos los parqueaderos de carro que quedaron libres.
  const ganaron = new Set(ganadores);
  const tomados = new Set(ganadores.map((p) => p.parqueadero));
  repartir(
    ranking.filter((p) => p.tipoVehiculo === 'carro' && !ganaron.has(p)),
    espacios.filter((s) => s.tipo === 'carro' && !tomados.has(s.codigo)),
    'general',
  );
  // Moto: una sola etapa.
  repartir(
    ranking.filter((p) => p.tipoVehiculo === 'moto'),
    espacios.filter((s) => s.tipo === 'moto'),
    'general',
  );

  // Orden del resultado: carro antes que moto, etapa reservada antes que general, y posición.
  const grupo = (p) => (p.tipoVehiculo === 'carro' ? 0 : 2) + (p.etapa === 'reservada' ? 0 : 1);
  const orden = [...calculados].sort((a, b) => grupo(a) - grupo(b) || a.posicion - b.posicion);

  const lineas = [
    ALGORITMOS[niveles ? 'niveles' : 'ponderado'],
    ...[...calculados]
      .sort((a, b) => comparar(a.solicitudId, b.solicitudId))
      .map(
        (p) => `P ${p.solicitudId} ${p.tipoVehiculo} ${p.discapacidad ? 1 : 0} ${String(p.peso)}`,
      ),
    ...[...espacios]
      .sort((a, b) => comparar(a.codigo, b.codigo))
      .map((s) => `S ${s.codigo} ${s.tipo} ${s.discapacidad ? 1 : 0}`),
  ];
  const asignados = calculados.filter((p) => p.parqueadero !== null).length;
  const resumen = { participantes: orden.length, asignados, enEspera: orden.length - asignados };
  return { insumosHash: sha256(lineas.join('\n')), participantes: orden, resumen };
}

function verificar(sorteo, movimientos = []) {
  const diferencias = [];
  const distintos = (que, a, b, nota = '') =>
    diferencias.push(
      `${que}: valor almacenado ${mostrar(a)}, valor recalculado ${mostrar(b)}${nota}`,
    );
  const esperado = ALGORITMOS[sorteo.config.modo === 'niveles' ? 'niveles' : 'ponderado'];
  if (sorteo.algoritmo !== undefined && sorteo.algoritmo !== esperado) {
    return [
      `algoritmo ${mostrar(sorteo.algoritmo)}: la configuración (modo ${mostrar(sorteo.config.modo)}) corresponde a ${esperado}`,
    ];
  }
  if (sorteo.convocatoria) diferencias.push(...verificarSemillaAnunciada(sorteo));
  const vistos = new Set();
  const unicos = sorteo.participantes.filter(({ solicitudId }) => {
    if (!vistos.has(solicitudId)) return vistos.add(solicitudId);
    diferencias.push(`solicitud ${solicitudId}: aparece más de una vez en los participantes`);
    return false;
  });
  const recalculado = recalcular({ ...sorteo, participantes: unicos });
  diferencias.push(
    ...verificarMovimientos(recalculado.participantes, sorteo.parqueaderos, movimientos),
  );
  // Lo que el resultado muestra hoy: el sorteo recalculado con los movimientos repetidos.
  recalculado.participantes = conMovimientos(recalculado.participantes, movimientos);

  if (sorteo.insumosHash !== recalculado.insumosHash) {
    const nota = ' (los participantes, sus pesos o los parqueaderos no son los del sorteo)';
    distintos('insumosHash', sorteo.insumosHash, recalculado.insumosHash, nota);
  }
  for (const campo of ['participantes', 'asignados', 'enEspera']) {
    if (sorteo.resumen && sorteo.resumen[campo] !== recalculado.resumen[campo]) {
      distintos(`resumen.${campo}`, sorteo.resumen[campo], recalculado.resumen[campo]);
    }
  }
  recalculado.participantes.forEach((p, k) => {
    const almacenado = sorteo.participantes[k];
    if (almacenado && almacenado.solicitudId !== p.solicitudId) {
      diferencias.push(
        `orden: en el lugar ${k + 1} está la solicitud ${almacenado.solicitudId}, debería estar ${p.solicitudId}`,
      );
    }
  });
  const porId = new Map(recalculado.participantes.map((p) => [p.solicitudId, p]));
  for (const almacenado of unicos) {
    const p = porId.get(almacenado.solicitudId);
    for (const campo of CAMPOS.split(' ')) {
      if (!Object.is(almacenado[campo], p[campo])) {
        distintos(`solicitud ${almacenado.solicitudId}, ${campo}`, almacenado[campo], p[campo]);
      }
    }
  }
  return diferencias;
}

// PARKNET-SEMILLA-v1: valor público en forma canónica (NFC, sin espacios sobrantes, mayúsculas).
function canonico(valor) {
  const v = String(valor).normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase();
  return /^[0-9A-Z .,:/#-]{1,100}$/.test(v) ? v : null;
}

function verificarSemillaAnunciada(sorteo) {
  const { compromisoServidor, secretoServidor, valoresPublicos } = sorteo.convocatoria;
  const problemas = [];
  if (typeof secretoServidor !== 'string' || sha256(secretoServidor) !== compromisoServidor) {
    problemas.push(
      `el secreto del servidor no corresponde al compromiso publicado al cierre (${mostrar(compromisoServidor)})`,
    );
  }
  const valores = (valoresPublicos ?? []).map(canonico);
  if (valores.some((v) => v === null)) problemas.push('un valor público no es válido');
  const semilla = sha256(
    ['PARKNET-SEMILLA-v1', sorteo.insumosHash, secretoServidor, ...valores].join('\n'),
  );
  if (semilla !== sorteo.semilla) {
    problemas.push(
      `semilla: valor almacenado ${mostrar(sorteo.semilla)}, derivada de la convocatoria ${mostrar(semilla)}`,
    );
  }
  return problemas;
}

// Una página de GET .../movimientos ({data, meta}) o una lista; varias páginas se juntan por n.
function leerMovimientos(archivos) {
  const porN = new Map();
  for (const archivo of archivos) {
    const json = JSON.parse(readFileSync(archivo, 'utf8'));
    for (const m of Array.isArray(json) ? json : json.data) porN.set(m.n, m);
  }
  return [...porN.values()].sort((a, b) => a.n - b.n);
}

function principal(archivo, archivosMovimientos) {
  if (!archivo) {
    console.error('Uso: node verificar-sorteo.mjs resultado.json [movimientos.json ...]');
    return 1;
  }
  let sorteo;
  let diferencias;
  let movimientos;
  try {
    sorteo = JSON.parse(readFileSync(archivo, 'utf8'));
    movimientos = leerMovimientos(archivosMovimientos);
    diferencias = verificar(sorteo, movimientos);
  } catch (error) {
    console.error(`No se pudo verificar ${archivo}: ${error.message}`);
    return 1;
  }
  const nombre = ['Sorteo', sorteo.id, sorteo.nombre && `"${sorteo.nombre}"`]
    .filter(Boolean)
    .join(' ');
  if (diferencias.length === 0) {
    console.log(
      `${nombre}: válido (${sorteo.participantes.length} participantes${movimientos.length > 0 ? `, ${movimientos.length} movimientos` : ''}, insumosHash ${sorteo.insumosHash}).`,
    );
    return 0;
  }
  console.log(`${nombre}: NO válido, ${diferencias.length} diferencia(s):`);
  for (const diferencia of diferencias) console.log(`  - ${diferencia}`);
  if (movimientos.length === 0) {
    console.log(
      '  (Si el sorteo tiene movimientos, pase también las páginas de GET /sorteo/resultados/:id/movimientos.)',
    );
  }
  return 1;
}

// exitCode y no exit(): una lista larga de diferencias debe llegar entera a una tubería.
process.exitCode = principal(process.argv[2], process.argv.slice(3));
