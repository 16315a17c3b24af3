import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/** The draw instant `t`; a provider so tests can fix it (jest.spyOn(app.get(RelojSorteo), 'ahora')). */
@Injectable()
export class RelojSorteo {
  ahora(): Date {
    return new Date();
  }
}

/** Seeds for draws that bring none: 32 bytes from the CSPRNG, as SORTEO.md requires. */
@Injectable()
export class FuenteSemilla {
  generar(): string {
    return randomBytes(32).toString('hex');
  }
}
