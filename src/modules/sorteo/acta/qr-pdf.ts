import { create } from 'qrcode';

/** Modules of white border a reader needs around the symbol (ISO/IEC 18004). */
const MARGEN_MODULOS = 4;

/**
 * `texto` as a QR code drawn in vector squares, black on white: sharp at any print size and the
 * same bytes every time (no image, no encoder options that vary). Level M survives a fold or a
 * stain on the printed acta.
 */
export function dibujarQr(
  doc: PDFKit.PDFDocument,
  texto: string,
  x: number,
  y: number,
  lado: number,
): void {
  const { modules } = create(texto, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = lado / (n + 2 * MARGEN_MODULOS);
  const x0 = x + MARGEN_MODULOS * m;
  const y0 = y + MARGEN_MODULOS * m;
  for (let fila = 0; fila < n; fila++) {
    // One rectangle per run of dark modules: a smaller page, the same picture.
    let desde = -1;
    for (let col = 0; col <= n; col++) {
      const oscuro = col < n && modules.get(fila, col) === 1;
      if (oscuro && desde < 0) desde = col;
      if (!oscuro && desde >= 0) {
        doc.rect(x0 + desde * m, y0 + fila * m, (col - desde) * m, m);
        desde = -1;
      }
    }
  }
  doc.fillColor('black').fill();
}
