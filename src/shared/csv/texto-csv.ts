import { DomainError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';

class CuerpoNoCsvError extends DomainError {
  readonly code = CodigoError.TIPO_CONTENIDO_NO_SOPORTADO;
  readonly status = 415;
  constructor() {
    super('Envíe el archivo como texto CSV (Content-Type: text/csv).');
  }
}

/** The body as the text/csv parser leaves it; JSON (an object) is not a file. */
export function textoCsv(cuerpo: unknown): string {
  if (typeof cuerpo !== 'string') throw new CuerpoNoCsvError();
  return cuerpo;
}
