import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidacionError } from 'src/shared/errors/domain-error';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** Path ids are 24 lowercase hex characters; anything else is a 400, never a cast error. */
@Injectable()
export class ParseObjectIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !OBJECT_ID.test(value)) {
      throw new ValidacionError(
        'El identificador debe tener 24 caracteres hexadecimales en minúscula.',
      );
    }
    return value;
  }
}

export function esObjectId(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID.test(value);
}
