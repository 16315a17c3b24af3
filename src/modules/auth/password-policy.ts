import { dictionary } from '@zxcvbn-ts/language-common';
import { SolicitudInvalidaError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';

/**
 * NIST SP 800-63B-4: length, bcrypt's 72-byte ceiling, nothing derived from the account or the
 * service, no common password, no repetition or run (the common list barely reaches 15 characters).
 */
export const PASSWORD_MIN_CARACTERES = 15;
export const PASSWORD_MAX_BYTES = 72;
const NOMBRE_PRODUCTO = 'parknet';
/** A shorter local part (`ana@…`) would refuse ordinary words; from 4 characters it is a name. */
const LOCAL_MIN = 4;

// zxcvbn-ts ships a maintained, ranked list of ~49,000 common passwords; all of them are refused.
const COMUNES = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** Keyboard rows (QWERTY, Spanish, AZERTY, QWERTZ), keyboard columns, digits and the alphabet. */
const SECUENCIAS = [
  '1234567890',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertyuiopasdfghjklñzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  'qwertzuiopasdfghjklyxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
].flatMap((s) => [s, [...s].reverse().join('')]);

/**
 * Every password is NFC before it is measured, hashed or compared, so the same text typed on
 * keyboards that compose accents differently is the same password. NFC of NFC is the identity, so
 * passwords stored before this rule keep working.
 */
export function normalizarPassword(password: string): string {
  return password.normalize('NFC');
}

export function esPasswordComun(password: string): boolean {
  return COMUNES.has(password.toLowerCase());
}

const sinEspacios = (s: string): string => s.toLowerCase().replace(/\s/gu, '');
const soloLetrasYNumeros = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** One character, or a block of up to three, over and over (`aaaa…`, `jajaja…`, `abcabc…`). */
export function esRepeticion(password: string): boolean {
  const p = [...sinEspacios(password)];
  return [1, 2, 3].some((n) => p.length >= 2 * n && p.every((c, i) => c === p[i % n]));
}

/** A stretch of a keyboard row or column, the digits or the alphabet, wrapping around. */
export function esSecuencia(password: string): boolean {
  const p = sinEspacios(password);
  return SECUENCIAS.some((s) => s.repeat(Math.ceil(p.length / s.length) + 1).includes(p));
}

/** Returns the first rule the password breaks, in words the person can act on, or null. */
export function motivoPasswordDebil(password: string, email?: string | null): string | null {
  const p = normalizarPassword(password);
  if ([...p].length < PASSWORD_MIN_CARACTERES) {
    return `La contraseña debe tener al menos ${PASSWORD_MIN_CARACTERES} caracteres; una frase de varias palabras es una buena opción.`;
  }
  if (Buffer.byteLength(p, 'utf8') > PASSWORD_MAX_BYTES) {
    return `La contraseña no puede superar ${PASSWORD_MAX_BYTES} bytes (menos caracteres si usa tildes o emojis).`;
  }
  if (email && p.trim().toLowerCase() === email.trim().toLowerCase()) {
    return 'La contraseña no puede ser su correo electrónico.';
  }
  if (esRepeticion(p)) {
    return 'La contraseña no puede ser un mismo carácter (o un grupo corto de caracteres) repetido.';
  }
  if (esSecuencia(p)) {
    return 'La contraseña no puede ser una secuencia del teclado, de números o del alfabeto (como 123456… o qwerty…).';
  }
  const local = soloLetrasYNumeros(email?.split('@')[0] ?? '');
  if (local.length >= LOCAL_MIN && soloLetrasYNumeros(p).includes(local)) {
    return 'La contraseña no puede contener su correo electrónico (la parte antes de la @).';
  }
  if (soloLetrasYNumeros(p).includes(NOMBRE_PRODUCTO)) {
    return 'La contraseña no puede contener el nombre del sistema (ParkNet).';
  }
  if (esPasswordComun(p)) {
    return 'Esa contraseña está en la lista de contraseñas más comunes; elija otra.';
  }
  return null;
}

export function exigirPasswordFuerte(password: string, email?: string | null): void {
  const motivo = motivoPasswordDebil(password, email);
  if (motivo) throw new SolicitudInvalidaError(CodigoError.PASSWORD_DEBIL, motivo);
}
