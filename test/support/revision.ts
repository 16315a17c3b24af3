import { STATUS_CODES } from 'node:http';
import type { Response, Test } from 'supertest';

/** What every response of the API must respect, checked request by request (seguridad specs). */

const CLAVES_PROHIBIDAS = [
  '_id',
  '__v',
  'passwordHash',
  'refreshHash',
  'activacionHash',
  'activacionExpira',
];
const RASTRO_DE_PILA = [
  /\n\s*at\s/,
  /\bat .+:\d+:\d+/,
  /\/(work|home|usr|src|node_modules)\/\S+/,
  /\.[jt]s:\d+/,
];

/** Every key of every object nested in `valor`. */
function claves(valor: unknown, acc: string[] = []): string[] {
  if (Array.isArray(valor)) {
    for (const v of valor) claves(v, acc);
  } else if (valor && typeof valor === 'object') {
    for (const [k, v] of Object.entries(valor)) {
      acc.push(k);
      claves(v, acc);
    }
  }
  return acc;
}

let revisadas = 0;

/** How many responses `revisar` has checked so far (to prove a walk went through them all). */
export const respuestasRevisadas = (): number => revisadas;

/**
 * Awaits a request and checks what every response must respect: no internal fields, no hash, no
 * stack trace, and for errors exactly the contract's shape with a status-consistent body.
 */
export async function revisar(req: Test): Promise<Response> {
  const url = `${req.method} ${req.url}`;
  // Buffered whatever its type: a binary body (the acta's PDF) arrives as a Buffer, checked too.
  const res = await req.buffer(true);
  revisadas += 1;
  const texto = res.text ?? (Buffer.isBuffer(res.body) ? res.body.toString('latin1') : '');
  const encontradas = Buffer.isBuffer(res.body)
    ? []
    : claves(res.body).filter((k) => CLAVES_PROHIBIDAS.includes(k));
  expect({ url, encontradas }).toEqual({ url, encontradas: [] });
  for (const patron of RASTRO_DE_PILA)
    expect({ url, rastro: patron.exec(texto)?.[0] }).toEqual({ url, rastro: undefined });
  expect(texto).not.toMatch(/\$2[aby]\$\d\d\$/);
  if (res.status >= 400) {
    const b = res.body as Record<string, unknown>;
    expect(Object.keys(b).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
    expect(b.statusCode).toBe(res.status);
    expect(b.error).toBe(STATUS_CODES[res.status]);
    expect(b.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    const mensajes = Array.isArray(b.message) ? (b.message as unknown[]) : [b.message];
    expect(mensajes.length).toBeGreaterThan(0);
    for (const m of mensajes) expect(typeof m).toBe('string');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  }
  return res;
}

/** A success carries no `code`; every error names the one the contract gives it. */
export async function esperar(req: Test, status: number, code?: string): Promise<Response> {
  if (status >= 400 && code === undefined) throw new Error(`falta el code esperado para ${status}`);
  const res = await revisar(req);
  expect({ status: res.status, code: res.body.code as unknown }).toEqual({ status, code });
  return res;
}
