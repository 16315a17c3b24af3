/**
 * Small typed readers for environment variables. A bad value throws ConfiguracionInvalidaError,
 * which main.ts prints as one line naming the variable before exiting.
 */
export class ConfiguracionInvalidaError extends Error {
  constructor(
    readonly variable: string,
    detalle: string,
  ) {
    super(`Configuración inválida: ${variable} ${detalle}`);
    this.name = 'ConfiguracionInvalidaError';
  }
}

export type Entorno = Record<string, string | undefined>;

function crudo(env: Entorno, nombre: string): string | undefined {
  const v = env[nombre];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

export function texto(env: Entorno, nombre: string, defecto?: string): string | undefined {
  return crudo(env, nombre) ?? defecto;
}

export function entero(
  env: Entorno,
  nombre: string,
  defecto: number,
  min: number,
  max: number,
): number {
  const v = crudo(env, nombre);
  if (v === undefined) return defecto;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new ConfiguracionInvalidaError(
      nombre,
      `debe ser un entero entre ${min} y ${max} (recibido "${v}").`,
    );
  }
  return Number(v);
}

export function booleano(env: Entorno, nombre: string, defecto: boolean): boolean {
  const v = crudo(env, nombre)?.toLowerCase();
  if (v === undefined) return defecto;
  if (['true', '1', 'si', 'sí'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new ConfiguracionInvalidaError(nombre, `debe ser true o false (recibido "${v}").`);
}

export function lista(env: Entorno, nombre: string): string[] {
  const v = crudo(env, nombre);
  return v === undefined
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

export function esProduccion(env: Entorno): boolean {
  return crudo(env, 'NODE_ENV') === 'production';
}
