import { registerDecorator, ValidationOptions } from 'class-validator';

const FORMATO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' that names a real day (no 2023-02-30). */
export function esFechaCalendario(valor: unknown): valor is string {
  if (typeof valor !== 'string') return false;
  const m = FORMATO.exec(valor);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === valor && Number(m[1]) >= 1900;
}

export function IsFechaCalendario(opciones?: ValidationOptions): PropertyDecorator {
  return (objeto: object, propiedad: string | symbol) =>
    registerDecorator({
      name: 'isFechaCalendario',
      target: objeto.constructor,
      propertyName: String(propiedad),
      options: {
        message: `${String(propiedad)} debe ser una fecha AAAA-MM-DD válida.`,
        ...opciones,
      },
      validator: { validate: (v: unknown) => esFechaCalendario(v) },
    });
}

/** Not after today's UTC date: nobody is born or moves in tomorrow. */
export function NoFutura(opciones?: ValidationOptions): PropertyDecorator {
  return (objeto: object, propiedad: string | symbol) =>
    registerDecorator({
      name: 'noFutura',
      target: objeto.constructor,
      propertyName: String(propiedad),
      options: { message: `${String(propiedad)} no puede ser una fecha futura.`, ...opciones },
      validator: {
        validate: (v: unknown) =>
          typeof v !== 'string' || v <= new Date().toISOString().slice(0, 10),
      },
    });
}
