import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/**
 * The server's secret of a convocatoria's close: 32 bytes from the CSPRNG as 64 lowercase hex
 * (SORTEO.md, PARKNET-SEMILLA-v1). A provider so tests can inject the specification's vector.
 */
@Injectable()
export class FuenteSecreto {
  generar(): string {
    return randomBytes(32).toString('hex');
  }
}
