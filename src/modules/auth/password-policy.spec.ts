import { SolicitudInvalidaError } from 'src/shared/errors/domain-error';
import {
  esPasswordComun,
  exigirPasswordFuerte,
  motivoPasswordDebil,
  normalizarPassword,
} from './password-policy';

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(motivoPasswordDebil('caballo correcto batería grapa', 'ana@example.com')).toBeNull();
  });

  it('rejects fewer than 15 characters, counting code points not UTF-16 units', () => {
    expect(motivoPasswordDebil('corta-de-14-ch')).toMatch(/al menos 15/);
    expect(motivoPasswordDebil('😀'.repeat(14))).toMatch(/al menos 15/);
  });

  it('rejects more than 72 bytes instead of letting bcrypt truncate', () => {
    const frase = 'la casa azul '.repeat(6).slice(0, 72);
    expect(Buffer.byteLength(frase)).toBe(72);
    expect(motivoPasswordDebil(frase)).toBeNull();
    expect(motivoPasswordDebil('a'.repeat(73))).toMatch(/72 bytes/);
    expect(motivoPasswordDebil('ñ'.repeat(37))).toMatch(/72 bytes/);
  });

  it('rejects the email itself', () => {
    expect(
      motivoPasswordDebil('residente.largo@example.com', 'Residente.Largo@example.com'),
    ).toMatch(/correo/);
  });

  it('knows the common passwords list from the package', () => {
    expect(esPasswordComun('password')).toBe(true);
    expect(esPasswordComun('PASSWORD')).toBe(true);
    expect(esPasswordComun('caballo correcto batería grapa')).toBe(false);
  });

  it('rejects a common password long enough to pass the length rule', () => {
    const comun = '1qaz2wsx3edc4rfv'; // in the zxcvbn-ts common list, and 16 characters long
    expect(esPasswordComun(comun)).toBe(true);
    expect(() => exigirPasswordFuerte(comun)).toThrow(SolicitudInvalidaError);
  });
});

describe('password policy: repetitions, runs, the account and the product', () => {
  it.each([
    ['aaaaaaaaaaaaaaa', /repetido/],
    ['jajajajajajajajaja', /repetido/],
    ['abc abc abc abc abc', /repetido/],
    ['123456789012345', /secuencia/],
    ['0987654321098765', /secuencia/],
    ['qwertyuiopasdfg', /secuencia/],
    ['QWERTY UIOP ASDFG', /secuencia/],
    ['mnbvcxzlkjhgfdsa', /secuencia/],
    ['abcdefghijklmnopq', /secuencia/],
    ['1qaz2wsx3edc4rfv5tgb', /secuencia/],
  ])('refuses %s', (password, motivo) => {
    expect(motivoPasswordDebil(password)).toMatch(motivo);
  });

  it('refuses a password containing the local part of the email, in any case or spacing', () => {
    const email = 'juan.perez@conjunto.co';
    expect(motivoPasswordDebil('hola soy JuanPerez del bloque 4', email)).toMatch(/correo/);
    expect(motivoPasswordDebil('hola soy juan perez del bloque 4', email)).toMatch(/correo/);
    expect(motivoPasswordDebil('hola soy juan del bloque cuatro', email)).toBeNull();
    // A very short local part is an ordinary word, not a name: it is not looked for.
    expect(motivoPasswordDebil('el sol de la tarde en la terraza', 'sol@conjunto.co')).toBeNull();
  });

  it('refuses the product name in any case or spacing', () => {
    expect(motivoPasswordDebil('me encanta usar ParkNet cada día')).toMatch(/ParkNet/);
    expect(motivoPasswordDebil('Park-Net es el mejor sistema')).toMatch(/ParkNet/);
  });

  it('counts bytes after NFC: a decomposed password within 72 bytes composed is accepted', () => {
    const nfc = 'mañana el ñandú pequeño comió piñas en áreas rústicas ñoñas';
    const nfd = nfc.normalize('NFD');
    expect(Buffer.byteLength(nfd)).toBeGreaterThan(72);
    expect(normalizarPassword(nfd)).toBe(nfc);
    expect(motivoPasswordDebil(nfd)).toBeNull();
  });

  it('leaves an NFC password unchanged, so stored passwords keep working', () => {
    const p = 'caballo correcto batería grapa';
    expect(normalizarPassword(p)).toBe(p);
  });

  it('still accepts ordinary passphrases', () => {
    for (const p of [
      'caballo correcto batería grapa',
      'el río lleva piedras redondas al mar',
      'la junta del conjunto aprueba cuentas 2026',
    ])
      expect(motivoPasswordDebil(p, 'residente.largo@example.com')).toBeNull();
  });
});
