import { appConfig } from './app.config';
import { authConfig } from './auth.config';
import { databaseConfig } from './database.config';

export const CONFIGURACIONES = [appConfig, databaseConfig, authConfig];

/** Runs every validator once, so a bad variable stops the process before anything starts. */
export function validarConfiguracion(): void {
  for (const cargar of CONFIGURACIONES) cargar();
}
