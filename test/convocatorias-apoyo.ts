import { createHash } from 'node:crypto';
import type { AppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo } from './support/auth-helpers';

/** Helpers shared by the convocatorias' e2e files. */

export const sha256 = (texto: string): string =>
  createHash('sha256').update(texto, 'utf8').digest('hex');

/** SORTEO.md's seed, computed here from the specified lines (not with the server's code). */
export function semillaEsperada(insumosHash: string, secreto: string, valores: string[]): string {
  return sha256(['PARKNET-SEMILLA-v1', insumosHash, secreto, ...valores].join('\n'));
}

export const FUENTES = [
  { descripcion: 'Lotería de Bogotá del jueves, número ganador, 4 cifras' },
  { descripcion: 'Número sacado por dos testigos en la asamblea' },
];

let n = 0;

/** A resident with an account and one approved solicitud. */
export async function residenteConAprobada(
  t: AppDePrueba,
  admin: SesionPrueba,
  torre = 'C',
): Promise<{ sesion: SesionPrueba; residenteId: string; solicitudId: string }> {
  n += 1;
  const r = await crearResidenteActivo(t, admin, { torre, apartamento: String(300 + n) });
  const s = await t.http
    .post('/solicitudes')
    .set(...bearer(r.sesion))
    .send({ vehiculo: { placa: `CNV${String(n).padStart(3, '0')}`, tipo: 'carro' } });
  if (s.status !== 201) throw new Error(`solicitud: ${s.status} ${JSON.stringify(s.body)}`);
  const a = await t.http
    .patch(`/solicitudes/${s.body.id}/estado`)
    .set(...bearer(admin))
    .send({ estado: 'aprobada' });
  if (a.status !== 200) throw new Error(`aprobar: ${a.status} ${JSON.stringify(a.body)}`);
  return { sesion: r.sesion, residenteId: r.residente.id, solicitudId: s.body.id as string };
}
