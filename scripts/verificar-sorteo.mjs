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
// Está escrito aparte del servidor a propósito: quien desconfíe del servidor puede leerlo entero.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const ALGORITMOS = { ponderado: 'ES-SHA256-v1', niveles: 'NIVELES-SHA256-v1' };
const NIVELES_POR_DEFECTO = { discapacidad: 1000, adultoMayor: 500, sinAsignacionPrevia: 100 };
const CAMPOS = 'peso numeroAleatorio clave etapa posicion resultado parqueadero posicionEspera';
const FUERA_DE_LISTA = 'SOLICITUD_FUERA_DE_LISTA';
const MOTIVOS_RENUNCIA = ['RENUNCIA', 'BAJA'];
const MOTIVOS_OMISION = ['RESIDENTE_INACTIVO', 'RESIDENTE_EN_MORA', FUERA_DE_LISTA];

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

// Movimientos (espejo de src/modules/sorteo/core/movimientos.ts): quién tiene cada parqueadero.
function tenencias(participantes) {
  const t = { titular: new Map(), de: new Map(), promovidos: new Set(), fuera: new Set() };
  for (const p of participantes) {
    if (p.resultado === 'asignada') {
      t.titular.set(p.parqueadero, p.solicitudId);
      t.de.set(p.solicitudId, p.parqueadero);
    }
  }
  return t;
}

function aplicar(t, m) {
  if (m.tipo === 'renuncia') {
    t.titular.delete(m.parqueadero);
    t.de.delete(m.solicitudId);
    t.fuera.add(m.solicitudId);
  } else if (m.tipo === 'promocion') {
    t.titular.set(m.parqueadero, m.solicitudId);
    t.de.set(m.solicitudId, m.parqueadero);
    t.promovidos.add(m.solicitudId);
  } else if (m.tipo === 'omision' && m.motivo === FUERA_DE_LISTA) {
    t.fuera.add(m.solicitudId);
  }
}

// En orden de posicionEspera; en un parqueadero reservado, primero los que tienen discapacidad.
function candidatos(participantes, t, spot) {
  const enEspera = participantes
    .filter(
      (p) =>
        p.tipoVehiculo === spot.tipo &&
        p.posicionEspera !== null &&
        !t.promovidos.has(p.solicitudId) &&
        !t.fuera.has(p.solicitudId) &&
        !t.de.has(p.solicitudId),
    )
    .sort((a, b) => a.posicionEspera - b.posicionEspera);
  if (!spot.discapacidad) return enEspera;
  return [...enEspera.filter((p) => p.discapacidad), ...enEspera.filter((p) => !p.discapacidad)];
}

function verificarMovimientos(participantes, parqueaderos, movimientos) {
  const problemas = [];
  movimientos.forEach((m, i) => {
    if (m.n !== i + 1) problemas.push(`movimiento ${m.n}: se esperaba el número ${i + 1}`);
  });
  if (problemas.length > 0) return problemas;
  const conocidos = new Set(participantes.map((p) => p.solicitudId));
  const spots = new Map(parqueaderos.map((s) => [s.codigo, s]));
  const t = tenencias(participantes);
  let grupo = null;
  for (const m of movimientos) {
    const mal = (texto) => problemas.push(`movimiento ${m.n} (${m.tipo}): ${texto}`);
    if (m.solicitudId && !conocidos.has(m.solicitudId)) {
      mal(`la solicitud ${m.solicitudId} no participó en el sorteo`);
      return problemas;
    }
    if (m.tipo === 'renuncia') {
      if (grupo)
        mal(`la renuncia anterior (parqueadero ${grupo.spot}) quedó sin promoción ni vacante`);
      if (!MOTIVOS_RENUNCIA.includes(m.motivo)) mal(`motivo ${mostrar(m.motivo)} no válido`);
      const spot = spots.get(m.parqueadero);
      if (!spot || t.titular.get(m.parqueadero) !== m.solicitudId) {
        mal(`la solicitud ${m.solicitudId} no tenía el parqueadero ${m.parqueadero}`);
        return problemas;
      }
      aplicar(t, m);
      grupo = { spot: m.parqueadero, candidatos: candidatos(participantes, t, spot), j: 0 };
      continue;
    }
    if (!grupo || m.parqueadero !== grupo.spot) {
      mal('no sigue a una renuncia de ese parqueadero');
      return problemas;
    }
    const esperado = grupo.candidatos[grupo.j];
    if (m.tipo === 'vacante') {
      if (esperado)
        mal(
          `quedaba en espera la solicitud ${esperado.solicitudId}, que debía ser promovida u omitida`,
        );
      grupo = null;
      continue;
    }
    if (!esperado || esperado.solicitudId !== m.solicitudId) {
      const quien = esperado ? ` (lo era ${esperado.solicitudId})` : ' (no quedaba nadie)';
      mal(`la solicitud ${m.solicitudId} no es la siguiente en la lista de espera${quien}`);
      return problemas;
    }
    if (m.tipo === 'omision' && !MOTIVOS_OMISION.includes(m.motivo))
      mal(`motivo ${mostrar(m.motivo)} no válido`);
    aplicar(t, m);
    grupo.j++;
    if (m.tipo === 'promocion') grupo = null;
  }
  if (grupo)
    problemas.push(`la última renuncia (parqueadero ${grupo.spot}) quedó sin promoción ni vacante`);
  return problemas;
}

// Cómo se ve hoy cada participante que tocaron los movimientos.
function conMovimientos(participantes, movimientos) {
  const actual = new Map();
  for (const m of movimientos) {
    if (m.tipo === 'renuncia') {
      actual.set(m.solicitudId, {
        resultado: 'no_asignada',
        parqueadero: null,
        posicionEspera: null,
      });
    } else if (m.tipo === 'promocion') {
      actual.set(m.solicitudId, {
        resultado: 'asignada',
        parqueadero: m.parqueadero,
        posicionEspera: null,
      });
    }
  }
  return participantes.map((p) => ({ ...p, ...actual.get(p.solicitudId) }));
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
