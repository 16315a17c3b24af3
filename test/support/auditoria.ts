import type { AppDePrueba } from './app';
import { bearer, type SesionPrueba } from './auth-helpers';
import { esperar } from './revision';

/** An entry as GET /auditoria returns it (API.md's EntradaAuditoria). */
export interface EntradaApi {
  n: number;
  fecha: string;
  actor: { id: string; rol: string };
  accion: string;
  recurso: { tipo: string; id: string | null };
  cambios: Record<string, unknown> | null;
  hashPrevio: string;
  hash: string;
}

export async function totalAuditoria(t: AppDePrueba, quien: SesionPrueba): Promise<number> {
  const r = await esperar(t.http.get('/auditoria?limit=1').set(...bearer(quien)), 200);
  return (r.body.meta as { total: number }).total;
}

/** The newest entries (newest first), optionally filtered by a query string. */
export async function entradas(
  t: AppDePrueba,
  quien: SesionPrueba,
  consulta = '',
): Promise<{ data: EntradaApi[]; total: number }> {
  const r = await esperar(
    t.http.get(`/auditoria?limit=100${consulta ? `&${consulta}` : ''}`).set(...bearer(quien)),
    200,
  );
  return { data: r.body.data as EntradaApi[], total: (r.body.meta as { total: number }).total };
}

export async function verificar(
  t: AppDePrueba,
  quien: SesionPrueba,
): Promise<{
  valido: boolean;
  entradas: number;
  primerError: null | { n: number; motivo: string };
}> {
  const r = await esperar(t.http.get('/auditoria/verificar').set(...bearer(quien)), 200);
  return r.body as {
    valido: boolean;
    entradas: number;
    primerError: null | { n: number; motivo: string };
  };
}

export interface Contexto {
  t: AppDePrueba;
  admin: SesionPrueba;
  residente: { id: string; sesion: SesionPrueba };
  ids: Record<string, string>;
}

export interface Esperado {
  accion: string;
  recurso: { tipo: string; id: string | null };
  actor: SesionPrueba;
  cambios: (c: Record<string, unknown>) => void;
}

/** A write route exercised once: `preparar` may write (its entries are not counted), `hacer` is measured. */
export interface Caso {
  ruta: string;
  preparar?: (c: Contexto) => Promise<void>;
  hacer: (c: Contexto) => Promise<Esperado>;
}

export const csv = (t: AppDePrueba, ruta: string, quien: SesionPrueba, cuerpo: string) =>
  t.http
    .post(ruta)
    .set(...bearer(quien))
    .set('Content-Type', 'text/csv')
    .send(cuerpo);
