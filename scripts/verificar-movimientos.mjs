// Movimientos de un sorteo ParkNet (renuncias, omisiones, promociones y vacantes), para
// verificar-sorteo.mjs: los repite sobre el sorteo recalculado y comprueba cada promoción.
// Espejo de src/modules/sorteo/core/movimientos.ts y verificar-movimientos.ts del servidor.

const FUERA_DE_LISTA = 'SOLICITUD_FUERA_DE_LISTA';
const MOTIVOS_RENUNCIA = ['RENUNCIA', 'BAJA'];
const MOTIVOS_OMISION = ['RESIDENTE_INACTIVO', 'RESIDENTE_EN_MORA', FUERA_DE_LISTA];
const mostrar = (valor) => (valor === undefined ? 'ausente' : JSON.stringify(valor));

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

export function verificarMovimientos(participantes, parqueaderos, movimientos) {
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
export function conMovimientos(participantes, movimientos) {
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
