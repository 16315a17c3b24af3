import { dictionary } from '@zxcvbn-ts/language-common';
import { SolicitudInvalidaError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';

/** NIST SP 800-63B-4: length, bcrypt's 72-byte ceiling, no email, no common password. */
export const PASSWORD_MIN_CARACTERES = 15;
export const PASSWORD_MAX_BYTES = 72;

// zxcvbn-ts ships a maintained, ranked list of ~49,000 common passwords; all of them are refused.
const COMUNES = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export function esPasswordComun(password: string): boolean {
  return COMUNES.has(password.toLowerCase());
}

/** Returns the first rule the password breaks, in words the person can act on, or null. */
export function motivoPasswordDebil(password: string, email?: string | null): string | null {
  if ([...password].length < PASSWORD_MIN_CARACTERES) {
    return `La contraseña debe tener al menos ${PASSWORD_MIN_CARACTERES} caracteres; una frase de varias palabras es una buena opción.`;
  }
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    return `La contraseña no puede superar ${PASSWORD_MAX_BYTES} bytes (menos caracteres si usa tildes o emojis).`;
  }
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return 'La contraseña no puede ser su correo electrónico.';
  }
  if (esPasswordComun(password)) {
    return 'Esa contraseña está en la lista de contraseñas más comunes; elija otra.';
  }
  return null;
}

export function exigirPasswordFuerte(password: string, email?: string | null): void {
  const motivo = motivoPasswordDebil(password, email);
  if (motivo) throw new SolicitudInvalidaError(CodigoError.PASSWORD_DEBIL, motivo);
}
