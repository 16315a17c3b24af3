import { Injectable } from '@nestjs/common';

/**
 * "Now" for rules that compare ages (grace periods of claims): a provider, so a test can move time
 * instead of waiting for it.
 */
@Injectable()
export class Reloj {
  ahora(): Date {
    return new Date();
  }
}
