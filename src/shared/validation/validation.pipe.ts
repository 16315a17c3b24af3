import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidacionError } from 'src/shared/errors/domain-error';

function mensajes(errores: ValidationError[], prefijo = ''): string[] {
  return errores.flatMap((e) => {
    const ruta = prefijo ? `${prefijo}.${e.property}` : e.property;
    const propios = Object.values(e.constraints ?? {}).map((m) =>
      m.includes(ruta) ? m : `${ruta}: ${m}`,
    );
    return [...propios, ...mensajes(e.children ?? [], ruta)];
  });
}

/**
 * Whitelist with unknown fields rejected (not silently dropped), values transformed to the DTO's
 * types, and no implicit conversion so `{"$gt": ""}` can never pass where a string is expected.
 */
export function crearValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errores) => new ValidacionError(mensajes(errores)),
  });
}
