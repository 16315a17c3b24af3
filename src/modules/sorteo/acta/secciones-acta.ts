import type { DatosActa } from './datos-acta';
import type { HojaPdf } from './hoja-pdf';
import { fechaCompleta, si } from './texto-pdf';

const ORIGEN: Record<string, string> = {
  servidor: 'servidor: generada por el generador criptográfico del servidor al ejecutar el sorteo',
  manual:
    'manual: escrita por quien ejecutó el sorteo (solo para demostraciones y pruebas; no garantiza que no se haya elegido)',
  convocatoria:
    'convocatoria: derivada de los insumos publicados al cierre, el secreto del servidor y los valores públicos (PARKNET-SEMILLA-v1)',
};

const ALGORITMO: Record<string, string> = {
  'ES-SHA256-v1':
    'muestreo ponderado sin reemplazo de Efraimidis y Spirakis; número aleatorio de cada participante = SHA-256(semilla:solicitud)',
  'NIVELES-SHA256-v1':
    'niveles estrictos de prioridad; dentro de cada nivel decide el número aleatorio SHA-256(semilla:solicitud)',
};

/** Who, what and when: the first lines of the acta. */
export function encabezado(h: HojaPdf, d: DatosActa): void {
  const c = d.cabecera;
  h.parrafo(d.conjunto, { negrita: true, tam: 13 });
  h.parrafo('Acta del sorteo de parqueaderos', { negrita: true, tam: 16 });
  h.doc.moveDown(0.5);
  h.dato('Sorteo', c.nombre);
  h.dato('Identificador del sorteo', c.id);
  h.dato('Fecha de ejecución', fechaCompleta(c.ejecutadoEn));
  h.dato('Ejecutado por (usuario)', c.ejecutadoPor);
  h.dato(
    'Estado',
    c.anulado ? 'ANULADO (ver la sección "Anulación")' : 'vigente (no ha sido anulado)',
  );
  h.doc.moveDown(0.3);
  h.parrafo(
    'Esta acta presenta el resultado por unidad (torre y apartamento). Por la protección de datos ' +
      'personales (Ley 1581 de 2012) no incluye nombres, documentos, placas ni los atributos de ' +
      'prioridad de nadie; cada residente puede consultar los suyos en ParkNet.',
    { tam: 8.5 },
  );
}

/** How the outcome was decided and the values anyone needs to recompute it. */
export function semilla(h: HojaPdf, d: DatosActa): void {
  const c = d.cabecera;
  h.titulo('Algoritmo, semilla e insumos');
  h.dato('Algoritmo', `${c.algoritmo} (${ALGORITMO[c.algoritmo] ?? 'ver SORTEO.md'})`);
  h.dato('Origen de la semilla', ORIGEN[c.origenSemilla] ?? c.origenSemilla);
  h.literal('Semilla (semilla):', c.semilla);
  h.literal('Huella de los insumos (insumosHash):', c.insumosHash);
  h.parrafo(
    'insumosHash es el SHA-256 de la lista de participantes (solicitud, tipo de vehículo, ' +
      'discapacidad y peso) y de parqueaderos: cualquier cambio en los insumos lo cambia.',
    { tam: 8.5 },
  );
  const conv = c.convocatoria;
  if (!conv) return;
  h.titulo('Derivación de la semilla (sorteo anunciado)');
  h.dato('Convocatoria', conv.id);
  h.dato('Cerrada (insumos congelados) el', fechaCompleta(conv.cerradaEn));
  h.literal(
    'Compromiso del servidor publicado al cierre (compromisoServidor):',
    conv.compromisoServidor,
  );
  h.literal(
    'Secreto del servidor, revelado con el resultado (secretoServidor):',
    conv.secretoServidor,
  );
  h.parrafo('Compruebe: SHA-256(secretoServidor) = compromisoServidor.', { tam: 8.5 });
  h.parrafo('Fuentes públicas anunciadas y sus valores (forma canónica):', { negrita: true });
  conv.fuentesPublicas.forEach((f, i) => {
    h.parrafo(`${i + 1}. ${f.descripcion}`);
    h.literal(null, `valor ${i + 1}: ${conv.valoresPublicos[i] ?? ''}`);
  });
  h.parrafo(
    'La semilla es el SHA-256 de estas líneas unidas por saltos de línea (sin salto final):',
    { tam: 8.5 },
  );
  for (const linea of [
    'PARKNET-SEMILLA-v1',
    c.insumosHash,
    conv.secretoServidor,
    ...conv.valoresPublicos,
  ]) {
    h.literal(null, linea);
  }
}

/** The priority rules in force for this draw, as stored with it. */
export function configuracion(h: HojaPdf, d: DatosActa): void {
  const { config } = d.cabecera;
  h.titulo('Configuración de prioridad');
  h.dato('Modo', config.modo === 'niveles' ? 'niveles (prioridad estricta)' : 'ponderado (pesos)');
  if (config.modo === 'niveles') {
    const n = config.niveles;
    h.dato(
      'Puntajes',
      `discapacidad ${n.discapacidad}; adulto mayor ${n.adultoMayor}; sin asignación previa ${n.sinAsignacionPrevia}`,
    );
  } else {
    const p = config.pesos;
    h.dato(
      'Pesos',
      `discapacidad ×${p.discapacidad}; adulto mayor ×${p.adultoMayor}; sin asignación previa ×${p.sinAsignacionPrevia}; ` +
        `antigüedad +${p.antiguedadPorAnio} por año, hasta ${p.antiguedadMaxAnios} años`,
    );
  }
  h.dato('Edad de adulto mayor', `${config.edadAdultoMayor} años`);
  h.dato('Exige estar a paz y salvo', si(config.requiereAlDia));
}

/** Counts of the draw: participants, outcomes, spots. */
export function conteos(h: HojaPdf, d: DatosActa): void {
  const r = d.cabecera.resumen;
  const s = d.parqueaderos;
  h.titulo('Cifras');
  h.dato(
    'Participantes',
    `${r.participantes} (carro ${d.filas.carro.length}, moto ${d.filas.moto.length})`,
  );
  h.dato('Asignados en el sorteo', String(r.asignados));
  h.dato('En lista de espera', String(r.enEspera));
  h.dato('Excluidos antes del sorteo (no estaban a paz y salvo)', String(r.excluidos));
  h.dato(
    'Parqueaderos sorteados',
    `${s.carro + s.moto} (carro ${s.carro}, de ellos ${s.reservados} reservados para personas con discapacidad; moto ${s.moto})`,
  );
  h.dato(
    'Movimientos posteriores (renuncias, promociones, omisiones, vacantes)',
    String(d.movimientos.length),
  );
}
