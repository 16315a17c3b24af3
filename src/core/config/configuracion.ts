import { appConfig } from './app.config';
import { authConfig } from './auth.config';
import { conjuntoConfig } from './conjunto.config';
import { correoConfig } from './correo.config';
import { databaseConfig } from './database.config';

export const CONFIGURACIONES = [
  appConfig,
  databaseConfig,
  authConfig,
  correoConfig,
  conjuntoConfig,
];

/** Runs every validator once, so a bad variable stops the process before anything starts. */
export function validarConfiguracion(): void {
  for (const cargar of CONFIGURACIONES) cargar();
}
