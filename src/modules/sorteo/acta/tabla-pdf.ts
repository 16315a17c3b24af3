import type { HojaPdf } from './hoja-pdf';
import { aWinAnsi } from './texto-pdf';

export interface Columna {
  titulo: string;
  /** Share of the page width. */
  peso: number;
  /** Courier, for codes that must read unambiguously (spot codes). */
  mono?: boolean;
}

const TAM = 8.5;
const ALTO_FILA = 12;
const RELLENO = 3;
/** Helvetica's widest glyphs are about one em: a cell this short never needs measuring. */
const EM = 1;

/**
 * A table that continues across pages: every page it reaches starts with the table's title
 * ("continuación") and its header row again, so a printed page reads on its own. Cells are one
 * line; text too wide for its column is cut with an ellipsis (the acta's cells are codes and
 * short words, so this is a safeguard, not the norm).
 */
export class TablaPdf {
  private readonly anchos: number[];

  constructor(
    private readonly hoja: HojaPdf,
    private readonly titulo: string,
    private readonly columnas: readonly Columna[],
  ) {
    const total = columnas.reduce((s, c) => s + c.peso, 0);
    this.anchos = columnas.map((c) => (hoja.ancho * c.peso) / total);
  }

  empezar(): void {
    this.hoja.doc.moveDown(0.4);
    this.hoja.espacio(3 * ALTO_FILA + 20);
    this.encabezado(false);
  }

  fila(celdas: readonly string[]): void {
    if (this.hoja.espacio(ALTO_FILA)) this.encabezado(true);
    const { doc } = this.hoja;
    const y = doc.y;
    let x = this.hoja.izquierda;
    doc.fontSize(TAM).fillColor('black');
    this.columnas.forEach((c, i) => {
      doc.font(c.mono ? 'Courier' : 'Helvetica');
      doc.text(this.ajustar(celdas[i] ?? '', this.anchos[i]), x + RELLENO, y + 2, {
        lineBreak: false,
      });
      x += this.anchos[i];
    });
    doc.y = y + ALTO_FILA;
    doc.x = this.hoja.izquierda;
  }

  private encabezado(continua: boolean): void {
    const { doc } = this.hoja;
    const titulo = continua ? `${this.titulo} (continuación)` : this.titulo;
    doc.font('Helvetica-Bold').fontSize(10).fillColor('black');
    const arriba = doc.y;
    doc.text(aWinAnsi(titulo), this.hoja.izquierda, arriba, { lineBreak: false });
    const y = arriba + 14;
    let x = this.hoja.izquierda;
    doc.font('Helvetica-Bold').fontSize(TAM);
    this.columnas.forEach((c, i) => {
      doc.text(this.ajustar(c.titulo, this.anchos[i]), x + RELLENO, y + 2, { lineBreak: false });
      x += this.anchos[i];
    });
    const abajo = y + ALTO_FILA + 1;
    doc
      .moveTo(this.hoja.izquierda, abajo)
      .lineTo(this.hoja.izquierda + this.hoja.ancho, abajo)
      .lineWidth(0.8)
      .strokeColor('black')
      .stroke();
    doc.y = abajo + 2;
    doc.x = this.hoja.izquierda;
  }

  private ajustar(texto: string, ancho: number): string {
    const limpio = aWinAnsi(texto);
    const disponible = ancho - 2 * RELLENO;
    if (limpio.length * TAM * EM <= disponible) return limpio;
    const { doc } = this.hoja;
    if (doc.widthOfString(limpio) <= disponible) return limpio;
    let n = limpio.length;
    while (n > 0 && doc.widthOfString(`${limpio.slice(0, n)}…`) > disponible) n -= 1;
    return `${limpio.slice(0, n)}…`;
  }
}
