import type { Readable } from 'node:stream';
import type { MovimientoGuardado } from '../renuncias/movimiento.entity';
import type { DatosActa } from './datos-acta';
import { celdas } from './filas-acta';
import { HojaPdf } from './hoja-pdf';
import { dibujarQr } from './qr-pdf';
import { configuracion, conteos, encabezado, semilla } from './secciones-acta';
import { TablaPdf, type Columna } from './tabla-pdf';
import { fechaCompleta } from './texto-pdf';

const COLUMNAS_RESULTADO: readonly Columna[] = [
  { titulo: 'Torre', peso: 1 },
  { titulo: 'Apartamento', peso: 1.3 },
  { titulo: 'Resultado', peso: 1.3 },
  { titulo: 'Parqueadero', peso: 1.3, mono: true },
  { titulo: 'Posición en espera', peso: 1.7 },
  { titulo: 'Novedad posterior', peso: 2.8 },
];

const COLUMNAS_MOVIMIENTOS: readonly Columna[] = [
  { titulo: 'N.º', peso: 0.7 },
  { titulo: 'Tipo', peso: 1.4 },
  { titulo: 'Torre', peso: 1.2 },
  { titulo: 'Apartamento', peso: 1.4 },
  { titulo: 'Parqueadero', peso: 1.4, mono: true },
];

const TIPO_MOVIMIENTO: Record<string, string> = {
  renuncia: 'Renuncia',
  promocion: 'Promoción',
  omision: 'Omisión',
  vacante: 'Vacante',
};

const LADO_QR = 110;

/**
 * The acta of a draw (API.md "The acta"; docs/acta.md), as a PDF stream. The returned stream is
 * pdfkit's own: pages leave as they are finished, and rendering waits for the reader.
 */
export function escribirActa(d: DatosActa): Readable {
  const c = d.cabecera;
  const h = new HojaPdf({
    titulo: `Acta del sorteo "${c.nombre}"`,
    autor: d.conjunto,
    creado: c.ejecutadoEn,
    modificado: ultimaFecha(d),
    pie: `${d.conjunto} · Acta del sorteo ${c.id}`,
  });
  componer(h, d).catch((err: unknown) => h.doc.destroy(err as Error));
  return h.doc;
}

/** The latest change the acta shows: its /ModDate (and with it the trailer's /ID) follows it. */
function ultimaFecha(d: DatosActa): Date {
  const fechas = [d.cabecera.ejecutadoEn, ...d.movimientos.map((m) => m.fecha)];
  if (d.cabecera.anulado) fechas.push(d.cabecera.anulado.fecha);
  return new Date(Math.max(...fechas.map((f) => f.getTime())));
}

async function componer(h: HojaPdf, d: DatosActa): Promise<void> {
  for (const seccion of [encabezado, semilla, configuracion, conteos]) {
    seccion(h, d);
    await h.pausa();
  }
  await resultados(h, d);
  if (h.abandonada) return;
  await movimientos(h, d.movimientos);
  anulacion(h, d);
  await h.pausa();
  verificacion(h, d);
  firmas(h);
  h.terminar();
}

async function resultados(h: HojaPdf, d: DatosActa): Promise<void> {
  h.titulo('Resultado por unidad');
  h.parrafo(
    'Por tipo de vehículo y en orden de unidad. Resultado: "asignada" (recibió el parqueadero ' +
      'indicado) o "no_asignada" (quedó en la lista de espera, en la posición indicada). La ' +
      'novedad posterior resume las renuncias y promociones de la sección de movimientos.',
    { tam: 8.5 },
  );
  for (const [tipo, titulo] of [
    ['carro', 'Carros'],
    ['moto', 'Motos'],
  ] as const) {
    const filas = d.filas[tipo];
    if (filas.length === 0) {
      h.parrafo(`${titulo}: no hubo participantes.`);
      continue;
    }
    const tabla = new TablaPdf(h, `${titulo}: ${filas.length} participantes`, COLUMNAS_RESULTADO);
    tabla.empezar();
    for (const fila of filas) {
      if (h.abandonada) return;
      tabla.fila(celdas(fila));
      await h.respirar();
    }
    h.doc.moveDown(0.5);
  }
}

async function movimientos(h: HojaPdf, lista: readonly MovimientoGuardado[]): Promise<void> {
  h.titulo('Movimientos posteriores al sorteo');
  if (lista.length === 0) {
    h.parrafo('Ninguno a la fecha de esta acta.');
    return;
  }
  h.parrafo('En orden. Una omisión no muestra la unidad: diría quién estaba inactivo o en mora.', {
    tam: 8.5,
  });
  const tabla = new TablaPdf(h, 'Movimientos', COLUMNAS_MOVIMIENTOS);
  tabla.empezar();
  for (const m of lista) {
    const unidad = m.tipo === 'omision' || !m.unidad ? null : m.unidad;
    tabla.fila([
      String(m.n),
      TIPO_MOVIMIENTO[m.tipo] ?? m.tipo,
      unidad?.torre ?? '',
      unidad?.apartamento ?? '',
      m.parqueadero,
    ]);
    await h.respirar();
  }
}

function anulacion(h: HojaPdf, d: DatosActa): void {
  const a = d.cabecera.anulado;
  if (!a) return;
  h.titulo('Anulación');
  h.parrafo('Este sorteo fue ANULADO: sus solicitudes volvieron a "aprobada".', { negrita: true });
  h.dato('Fecha', fechaCompleta(a.fecha));
  h.dato('Anulado por (usuario)', a.por);
  h.dato('Motivo', a.motivo);
}

function verificacion(h: HojaPdf, d: DatosActa): void {
  const { doc } = h;
  h.titulo('Cómo verificar este sorteo');
  h.parrafo(
    'En línea (con una sesión de ParkNet, cualquier rol): la dirección siguiente recalcula el ' +
      'sorteo desde los insumos guardados y responde si es válido.',
  );
  // The address and its code on the same page.
  h.espacio(LADO_QR + 30);
  h.literal(null, d.urlVerificacion);
  dibujarQr(doc, d.urlVerificacion, h.izquierda, doc.y, LADO_QR);
  doc.y += LADO_QR + 6;
  doc.x = h.izquierda;
  h.parrafo(
    'Sin conexión y sin confiar en el servidor: descargue como administrador o revisor el ' +
      `resultado completo (GET /sorteo/resultados/${d.cabecera.id}) en resultado.json y, si hay ` +
      'movimientos, cada página de GET /sorteo/resultados/' +
      `${d.cabecera.id}/movimientos en movimientos-1.json, movimientos-2.json, etc. Con Node.js 20 ` +
      'o posterior y los scripts verificar-sorteo.mjs y verificar-movimientos.mjs de la carpeta ' +
      'scripts/ de ParkNet (en la misma carpeta), ejecute:',
  );
  h.literal(null, 'node scripts/verificar-sorteo.mjs resultado.json movimientos-1.json');
  h.parrafo(
    'El script recalcula pesos, números aleatorios, etapas, asignaciones e insumosHash (y en un ' +
      'sorteo anunciado el compromiso y la semilla), repite los movimientos y lista cada ' +
      'diferencia; termina con código 0 si todo coincide. Compare además la semilla y el ' +
      'insumosHash impresos en esta acta con los del archivo.',
  );
}

/** Four signature blocks, two per line, kept together on one page. */
function firmas(h: HojaPdf): void {
  const { doc } = h;
  h.titulo('Firmas');
  h.espacio(230);
  const ancho = (h.ancho - 40) / 2;
  const roles = ['Administración', 'Revisor fiscal', 'Testigo 1', 'Testigo 2'];
  for (let i = 0; i < roles.length; i += 2) {
    const y = doc.y + 45;
    roles.slice(i, i + 2).forEach((rol, k) => {
      const x = h.izquierda + k * (ancho + 40);
      doc
        .moveTo(x, y)
        .lineTo(x + ancho, y)
        .lineWidth(0.8)
        .strokeColor('black')
        .stroke();
      doc.font('Helvetica-Bold').fontSize(9).fillColor('black');
      doc.text(rol, x, y + 4, { lineBreak: false });
      doc.font('Helvetica').fontSize(8.5);
      doc.text('Nombre:', x, y + 18, { lineBreak: false });
      doc.text('Documento:', x, y + 32, { lineBreak: false });
    });
    doc.y = y + 50;
  }
  doc.x = h.izquierda;
}
