import { TipoVehiculo } from 'src/shared/dominio/vocabulario';

/** Colombian plates: cars ABC123, motorcycles ABC12 or ABC12D. */
export const FORMATO_PLACA: Readonly<Record<TipoVehiculo, { patron: RegExp; ejemplo: string }>> = {
  carro: { patron: /^[A-Z]{3}[0-9]{3}$/, ejemplo: 'ABC123 (3 letras y 3 dígitos)' },
  moto: {
    patron: /^[A-Z]{3}[0-9]{2}[A-Z]?$/,
    ejemplo: 'ABC12 o ABC12D (3 letras, 2 dígitos y una letra opcional)',
  },
};

/** Upper-case, without spaces or dashes: "abc-123" and "ABC 123" are the same plate. */
export function normalizarPlaca(placa: string): string {
  return placa.toUpperCase().replace(/[\s-]+/g, '');
}

export function placaValida(placa: string, tipo: TipoVehiculo): boolean {
  return FORMATO_PLACA[tipo].patron.test(placa);
}
