import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidacionError } from 'src/shared/errors/domain-error';
import { limpiarTextos } from './textos';

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
 * Text rules (NFC, no control characters) run here, on every string of every validated body and
 * query, before the DTO's own validators: one place, so a new DTO field cannot forget them, and
 * the DTO files keep only their fields' own rules.
 */
class PipeDeValidacion extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (this.toValidate(metadata)) {
      const errores = limpiarTextos(value);
      if (errores.length > 0) throw new ValidacionError(errores);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Whitelist with unknown fields rejected (not silently dropped), values transformed to the DTO's
 * types, and no implicit conversion so `{"$gt": ""}` can never pass where a string is expected.
 */
export function crearValidationPipe(): ValidationPipe {
  return new PipeDeValidacion({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errores) => new ValidacionError(mensajes(errores)),
  });
}
