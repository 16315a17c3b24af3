import { Types } from 'mongoose';
import { ConDb, sembrarResidentes } from './sorteo-datos';

/** Test data for bulk approvals, written straight into the collections. */

let semilla = 0;
const placaDe = (n: number): string =>
  `Q${String.fromCharCode(65 + (Math.floor(n / 1000) % 26), 65 + (Math.floor(n / 26000) % 26))}${String(n % 1000).padStart(3, '0')}`;

/** `n` residents (alDia unless told) each with one pendiente solicitud (version 0), as stored. */
export async function sembrarPendientes(
  t: ConDb,
  n: number,
  torre: string,
  alDia: (i: number) => boolean = () => true,
): Promise<string[]> {
  const unidades = Array.from({ length: n }, (_, i) => ({ torre, apartamento: String(100 + i) }));
  const residentes = await sembrarResidentes(
    t,
    unidades.map((u, i) => ({ ...u, alDia: alDia(i) })),
  );
  const ahora = new Date();
  const docs = unidades.map((u, i) => {
    semilla += 1;
    return {
      _id: new Types.ObjectId(),
      residenteId: new Types.ObjectId(residentes[i]),
      unidad: u,
      vehiculo: { placa: placaDe(semilla), tipo: 'carro' },
      observaciones: null,
      estado: 'pendiente',
      motivo: null,
      sorteoId: null,
      parqueadero: null,
      posicionEspera: null,
      version: 0,
      historial: [{ estado: 'pendiente', fecha: ahora, usuarioId: null, motivo: null }],
      createdAt: ahora,
      updatedAt: ahora,
    };
  });
  for (let i = 0; i < docs.length; i += 2000)
    await t.connection.collection('solicitudes').insertMany(docs.slice(i, i + 2000));
  return docs.map((d) => d._id.toHexString());
}
