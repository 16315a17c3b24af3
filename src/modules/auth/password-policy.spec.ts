import { SolicitudInvalidaError } from 'src/shared/errors/domain-error';
import { esPasswordComun, exigirPasswordFuerte, motivoPasswordDebil } from './password-policy';

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(motivoPasswordDebil('caballo correcto batería grapa', 'ana@example.com')).toBeNull();
  });

  it('rejects fewer than 15 characters, counting code points not UTF-16 units', () => {
    expect(motivoPasswordDebil('corta-de-14-ch')).toMatch(/al menos 15/);
    expect(motivoPasswordDebil('😀'.repeat(14))).toMatch(/al menos 15/);
  });

  it('rejects more than 72 bytes instead of letting bcrypt truncate', () => {
    expect(motivoPasswordDebil('a'.repeat(72))).toBeNull();
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
