import { registerAs } from '@nestjs/config';
import { ConfiguracionInvalidaError, texto } from './env-parsers';

const MAX_NOMBRE = 120;
const POR_DEFECTO = 'Conjunto residencial';

/**
 * The complex's name as printed on the acta of each draw. The acta is a legal record that the
 * administration signs, so a name that cannot be printed as given (control characters, too long
 * for the title line) stops the process instead of being silently cut.
 */
function nombreConjunto(valor: string): string {
  const nombre = valor.normalize('NFC').trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(nombre)) {
    throw new ConfiguracionInvalidaError(
      'CONJUNTO_NOMBRE',
      'no puede contener caracteres de control (tabuladores, saltos de línea).',
    );
  }
  if (nombre.length > MAX_NOMBRE) {
    throw new ConfiguracionInvalidaError(
      'CONJUNTO_NOMBRE',
      `debe tener como máximo ${MAX_NOMBRE} caracteres (tiene ${nombre.length}).`,
    );
  }
  return nombre;
}

/** Who the complex is: printed on every acta (docs/acta.md). */
export const conjuntoConfig = registerAs('conjunto', () => ({
  nombre: nombreConjunto(texto(process.env, 'CONJUNTO_NOMBRE', POR_DEFECTO) as string),
}));
