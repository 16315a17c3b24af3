import PDFDocument from 'pdfkit';
import { aWinAnsi } from './texto-pdf';

/** Points (1/72 inch). A4 is 595.28 × 841.89. */
const MARGEN = 50;
const MARGEN_INFERIOR = 60;
const TAM_TEXTO = 9.5;
/** Table rows written between two yields to the event loop (a large acta renders for seconds). */
const FILAS_POR_PAUSA = 100;

export interface DatosHoja {
  titulo: string;
  autor: string;
  creado: Date;
  modificado: Date;
  /** Printed at the foot of every page, before its number. */
  pie: string;
}

/**
 * An A4 PDF written as a stream, page by page, in the standard fonts. Deterministic: the dates
 * are given (pdfkit derives the trailer's /ID from them and the other info fields), nothing
 * random is written, and no page is kept once finished. Rendering waits whenever the reader is
 * behind (the buffer past its high-water mark), so the document is never held whole in memory.
 */
export class HojaPdf {
  readonly doc: PDFKit.PDFDocument;
  private pagina = 0;
  private espera: (() => void) | null = null;
  private cerrada = false;
  private filas = 0;
  private secciones = 0;

  constructor(private readonly datos: DatosHoja) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGEN, bottom: MARGEN_INFERIOR, left: MARGEN, right: MARGEN },
      autoFirstPage: false,
      compress: true,
      lang: 'es-CO',
      displayTitle: true,
      info: {
        Title: datos.titulo,
        Author: datos.autor,
        Subject: 'Acta del sorteo de parqueaderos',
        Creator: 'ParkNet',
        Producer: 'ParkNet (PDFKit)',
        CreationDate: datos.creado,
        ModDate: datos.modificado,
      },
    });
    this.doc.on('pageAdded', () => this.pie());
    // pdfkit pushes as it writes and never asks to be read: its no-op _read becomes our signal.
    this.doc._read = () => this.seguir();
    this.doc.on('close', () => {
      this.cerrada = true;
      this.seguir();
    });
    this.doc.addPage();
  }

  get izquierda(): number {
    return this.doc.page.margins.left;
  }

  get ancho(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Whether the reader went away: rendering stops. */
  get abandonada(): boolean {
    return this.cerrada;
  }

  /** Room for `alto` more points on this page, or a new page; true when one was added. */
  espacio(alto: number): boolean {
    if (this.doc.y + alto <= this.doc.page.height - this.doc.page.margins.bottom) return false;
    this.doc.addPage();
    return true;
  }

  /** A numbered section title, kept with at least a few lines of its section. */
  titulo(texto: string): void {
    this.secciones += 1;
    this.espacio(60);
    this.doc.moveDown(0.6);
    this.doc.font('Helvetica-Bold').fontSize(12).fillColor('black');
    this.doc.text(aWinAnsi(`${this.secciones}. ${texto}`), this.izquierda, this.doc.y, {
      width: this.ancho,
    });
    this.doc.moveDown(0.3);
  }

  parrafo(texto: string, opciones: { negrita?: boolean; tam?: number } = {}): void {
    this.doc.font(opciones.negrita ? 'Helvetica-Bold' : 'Helvetica');
    this.doc.fontSize(opciones.tam ?? TAM_TEXTO).fillColor('black');
    this.doc.text(aWinAnsi(texto), this.izquierda, this.doc.y, { width: this.ancho });
  }

  /** "Etiqueta: valor" on one paragraph. */
  dato(etiqueta: string, valor: string): void {
    this.doc.font('Helvetica-Bold').fontSize(TAM_TEXTO).fillColor('black');
    this.doc.text(`${aWinAnsi(etiqueta)}: `, this.izquierda, this.doc.y, {
      width: this.ancho,
      continued: true,
    });
    this.doc.font('Helvetica').text(aWinAnsi(valor));
  }

  /**
   * A label, then a value that must stay on one line to be copied or extracted whole (a hash, a
   * URL, a command): in Courier, shrunk to fit the width when needed.
   */
  literal(etiqueta: string | null, valor: string): void {
    if (etiqueta) this.parrafo(etiqueta, { negrita: true });
    const texto = aWinAnsi(valor);
    const tam = Math.min(9, this.ancho / (0.6 * Math.max(texto.length, 1)) - 0.05);
    this.espacio(14);
    this.doc.font('Courier').fillColor('black');
    if (tam >= 5) {
      const y = this.doc.y;
      this.doc.fontSize(tam).text(texto, this.izquierda + 10, y, { lineBreak: false });
      // pdfkit does not move down after a line written without line breaking.
      this.doc.y = y + tam * 1.6;
    } else {
      this.doc.fontSize(7).text(texto, this.izquierda + 10, this.doc.y, { width: this.ancho - 10 });
    }
    this.doc.x = this.izquierda;
  }

  /** Called after each table row: yields now and then, and waits while the reader is behind. */
  async respirar(): Promise<void> {
    this.filas += 1;
    const doc = this.doc;
    if (!this.cerrada && doc.readableLength >= doc.readableHighWaterMark) {
      await new Promise<void>((listo) => (this.espera = listo));
    } else if (this.filas % FILAS_POR_PAUSA === 0) {
      await this.pausa();
    }
  }

  /** Lets other requests run: a section of wrapped text takes pdfkit tens of milliseconds. */
  pausa(): Promise<void> {
    return new Promise<void>((listo) => setImmediate(listo));
  }

  terminar(): void {
    this.doc.end();
  }

  private seguir(): void {
    const listo = this.espera;
    this.espera = null;
    listo?.();
  }

  private pie(): void {
    this.pagina += 1;
    const { doc } = this;
    const y = doc.page.height - MARGEN_INFERIOR + 20;
    doc.font('Helvetica').fontSize(7.5).fillColor('black');
    doc.text(aWinAnsi(`${this.datos.pie} · Página ${this.pagina}`), this.izquierda, y, {
      lineBreak: false,
    });
    doc.x = this.izquierda;
    doc.y = doc.page.margins.top;
  }
}
